import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MatchAnswer } from '../core/match/answer';
import type { MatchInputBlock } from '../core/match/matcher';
import type { Tier } from '../core/tiers';

/** What the content script found on its page, as the popup and the badge show it. */
export interface Finding {
  highlightId: string;
  /** The page's own words. */
  text: string;
  /** Claims this sentence states, in the matcher's order: the first is the one the highlight is painted with. */
  claims: { claimId: string; tier: Tier; strength: number; strengthLabel: string }[];
}

export type PageStatus = 'labeled' | 'no-mention' | 'site-disabled' | 'paused';

export interface PageFindings {
  url: string;
  title: string;
  status: PageStatus;
  /** One per highlighted sentence: the one count the popup, the badge and the demo all show. */
  findings: Finding[];
  /** The article's publication date as the page states it (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  published?: { date: string; source: 'meta' | 'json-ld' | 'time' | 'url' } | null;
}

/**
 * The toolbar badge. `sentences` is the number of highlighted sentences (the same count as the popup's
 * list); `contradicted` how many of them state a contradicted claim, for the badge's tooltip.
 */
export interface BadgeState {
  sentences: number;
  contradicted: number;
}

export function badgeStateOf(findings: Finding[]): BadgeState {
  return {
    sentences: findings.length,
    contradicted: findings.filter((f) => f.claims.some((c) => c.tier === 'contradicted')).length,
  };
}

/** Messages typed by direction: popup → content script. */
interface PopupToContent {
  getFindings(): PageFindings;
  /** Scrolls to a highlighted sentence, focuses it and opens its card with `claimId` expanded. */
  focusHighlight(target: { highlightId: string; claimId?: string }): boolean;
}
/** Content script → background. */
interface ContentToBackground {
  reportBadge(state: BadgeState): void;
  /**
   * The card's "Suggest a correction": a content script cannot open the popup, so it stores the draft and
   * asks the background to open it for the sender's tab. Resolves with how it was shown.
   */
  openCorrectionForm(draftId: string): 'popup' | 'tab';
  /**
   * Matching off the page's main thread: the article's text blocks go to the extension's own background,
   * which holds the claim pack and the compiled matcher, and the sentences that state claims come back
   * with what the card shows of them. The text never leaves the browser.
   */
  matchBlocks(request: Json<MatchRequest>): Json<MatchAnswer>;
}

/**
 * A message body sent as JSON text. The browser converts a message value by value to copy it between
 * processes; one string of a whole article (and of its answer) is cheaper to send (in traced loads of the
 * 10,000-word article the send's share of our CPU time halved), and JSON.parse rebuilds it quickly.
 */
export type Json<T> = string & { readonly __jsonOf?: T };
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value) as Json<T>;
export const fromJson = <T>(text: Json<T>): T => JSON.parse(text) as T;

export interface MatchRequest {
  blocks: MatchInputBlock[];
  title: string;
}
/**
 * Content script → popup: the page's findings changed (a scan finished, a setting or a hidden claim
 * relabeled it). The popup listens while open, checks the sender's tab and asks for the findings
 * (getFindings); nobody answers when it is closed, so senders ignore the rejection. The findings are not
 * sent along: copying every sentence to a popup that is usually not open cost each scan a few ms.
 */
interface ContentToPopup {
  findingsChanged(): void;
}

/**
 * Background → content scripts of a tab (every frame hears it): the keyboard shortcuts (commands API) for
 * the next and previous labeled sentence. The frame holding focus scrolls there and opens its card.
 */
interface BackgroundToContent {
  moveToClaim(direction: 'next' | 'previous'): boolean;
}

export const popupToContent = defineExtensionMessaging<PopupToContent>();
export const backgroundToContent = defineExtensionMessaging<BackgroundToContent>();
export const contentToBackground = defineExtensionMessaging<ContentToBackground>();
export const contentToPopup = defineExtensionMessaging<ContentToPopup>();
