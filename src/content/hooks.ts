import type { PageClaim } from '../core/match/answer';
import type { ClaimPack } from '../core/pack/schema';
import type { Settings } from '../core/settings/schema';
import type { CardActions } from '../ui/card/ClaimCard';
import type { LoadCard } from './card-controller';
import type { FallbackMatcher } from './fallback-matcher';

/**
 * What the page lifecycle (lifecycle.ts) needs from outside: the on-demand modules, storage and the card's
 * buttons. The labeler's entry point wires the real ones (page-storage.ts).
 */

/** What the page knows of the pack in use: the claims it was told of. */
export type KnownClaims = () => Pick<ClaimPack, 'version'> & { claims: PageClaim[] };

export interface ClaimLensHooks {
  /** The card's code, loaded on first use. */
  loadCard: LoadCard;
  /** The matcher on the page, loaded only when the background cannot answer. */
  loadFallbackMatcher: () => Promise<FallbackMatcher>;
  /** Card buttons; absent until something handles corrections. */
  cardActions?: (labeled: { claimId: string; text: string }, known: KnownClaims) => CardActions;
  /** Claims the reader said a sentence does not state ("Not this claim"), for the current page. */
  isDismissed?: (claimId: string, sentence: string) => boolean;
  /** Loads what isDismissed needs; awaited before labeling, so pages without DeepSeek never pay for it. */
  beforeLabeling?: () => Promise<void>;
  /** Calls back when what isDismissed answers has changed, so highlights go at once; returns the unsubscribe. */
  watchDismissals?: (onChange: () => void) => () => void;
  /** The reader's settings, validated (a corrupt stored value falls back to defaults and is quarantined). */
  readSettings: () => Promise<Settings>;
  watchSettings: (onChange: (settings: Settings) => void) => () => void;
  /** Calls back when a newer signed claim pack is adopted, so open tabs relabel with it. */
  watchPack?: (onChange: () => void) => () => void;
}
