import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Tier } from '../core/pack/schema';

/** What the content script found on its page, as the popup and the badge show it. */
export interface Finding {
  highlightId: string;
  /** The page's own words. */
  text: string;
  /** Claims this sentence states, most serious tier first. */
  claims: { claimId: string; tier: Tier; strength: number; strengthLabel: string }[];
}

export type PageStatus = 'labeled' | 'no-mention' | 'site-disabled' | 'paused';

export interface PageFindings {
  url: string;
  title: string;
  status: PageStatus;
  findings: Finding[];
}

export interface BadgeState {
  count: number;
  /** Most serious tier found, for the badge colour. */
  worstTier: Tier | null;
}

/** Messages typed by direction: popup → content script (PtoCS), content script → background (CStoBG). */
interface PtoCS {
  getFindings(): PageFindings;
  focusHighlight(highlightId: string): boolean;
}
interface CStoBG {
  reportBadge(state: BadgeState): void;
  /**
   * The card's "Suggest a correction": a content script cannot open the popup, so it stores the draft and
   * asks the background to open it for the sender's tab. Resolves with how it was shown.
   */
  openCorrectionForm(draftId: string): 'popup' | 'tab';
}

export const popupToContent = defineExtensionMessaging<PtoCS>();
export const contentToBackground = defineExtensionMessaging<CStoBG>();
