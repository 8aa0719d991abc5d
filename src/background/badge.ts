import type { browser as browserApi } from '#imports';
import { TIER_STYLES } from '../core/tier-styles';
import type { BadgeState } from '../platform/protocol';
import { toolbarAction } from './toolbar-action';

/** The toolbar badge: how many claims this tab states, coloured by the most serious tier found. */
export async function updateBadge(
  browser: typeof browserApi,
  tabId: number,
  state: BadgeState,
): Promise<void> {
  const text = state.count > 0 ? String(state.count) : '';
  const title =
    state.count > 0
      ? `Claim Lens: ${state.count} claim${state.count === 1 ? '' : 's'} on this page`
      : 'Claim Lens';
  const action = toolbarAction(browser);
  try {
    await action.setBadgeText({ tabId, text });
    await action.setTitle({ tabId, title });
    if (state.worstTier) {
      await action.setBadgeBackgroundColor({ tabId, color: TIER_STYLES[state.worstTier].color });
    }
  } catch {
    // The tab closed before the badge could be set.
  }
}

/** A new document is loading in the tab: the old count no longer applies until its content script reports. */
export function clearBadge(browser: typeof browserApi, tabId: number): Promise<void> {
  return updateBadge(browser, tabId, { count: 0, worstTier: null });
}
