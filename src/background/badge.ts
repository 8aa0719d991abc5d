import type { browser as browserApi } from '#imports';
import type { BadgeState } from '../messaging';
import { TIER_STYLES } from '../ui/tiers';

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
  try {
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title });
    if (state.worstTier) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: TIER_STYLES[state.worstTier].color });
    }
  } catch {
    // The tab closed before the badge could be set.
  }
}
