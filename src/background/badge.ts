import type { browser as browserApi } from '#imports';
import { plural } from '../core/text';
import type { BadgeState } from '../platform/protocol';
import { toolbarAction } from './toolbar-action';

/**
 * The badge is calm: a neutral slate, never a tier colour (a red number reads as an alarm about the page),
 * showing the one count used everywhere: highlighted sentences. How many state a contradicted claim is in
 * the tooltip, in words.
 */
export const BADGE_COLOR = '#4b5563';

export function badgeTitle(state: BadgeState): string {
  if (state.sentences === 0) return 'Claim Lens';
  const sentences = plural(state.sentences, {
    one: 'highlighted sentence',
    other: 'highlighted sentences',
  });
  const contradicted = state.contradicted > 0 ? `; ${state.contradicted} with a contradicted claim` : '';
  return `Claim Lens: ${sentences} on this page${contradicted}`;
}

export async function updateBadge(
  browser: typeof browserApi,
  tabId: number,
  state: BadgeState,
): Promise<void> {
  const action = toolbarAction(browser);
  try {
    await action.setBadgeText({ tabId, text: state.sentences > 0 ? String(state.sentences) : '' });
    await action.setTitle({ tabId, title: badgeTitle(state) });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    // Chrome 110+: white text on the slate; Firefox picks a readable colour itself.
    await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed before the badge could be set.
  }
}

/** A new document is loading in the tab: the old count no longer applies until its content script reports. */
export function clearBadge(browser: typeof browserApi, tabId: number): Promise<void> {
  return updateBadge(browser, tabId, { sentences: 0, contradicted: 0 });
}
