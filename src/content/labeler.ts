import type { ClaimLookup, PageClaim, PageHit, PageMatch } from '../core/match/answer';
import { describeMatch } from '../core/match/describe-match';
import type { MatchInputBlock } from '../core/match/matcher';
import type { Settings } from '../core/settings/schema';
import { markEmphasis } from '../core/tier-styles';
import type { Tier } from '../core/tiers';
import { changedSincePublication } from '../core/timeline';
import { extractBlocks, extractBlocksInSteps, findArticleRoot, type TextBlock } from '../page/extract';
import type { Emphasis } from '../page/mark-styles';
import { spansFor, type TextSpan } from '../page/text-spans';
import { createVisibilityCheck } from '../page/visibility';
import type { Finding } from '../platform/protocol';
import type { CardEntry } from '../ui/card/ClaimCard';

/**
 * The labeler: an article's DOM and the matches for its text in, labeled sentences out. It reads the article
 * and decides what is shown (tiers, strength, dismissals, emphasis); it neither matches (the background
 * does, see core/match/answer.ts) nor paints, and touches no browser API, so it runs in happy-dom for unit
 * tests and the benchmark calls it exactly as the content script does.
 */

/** What the matcher reads of the blocks, as plain data (no DOM), in the pieces `labelSteps` labels. */
export function matchInputOf(blocks: readonly TextBlock[]): MatchInputBlock[] {
  return piecesOf(blocks).map((piece) => piece.input);
}

/** What the reader chose to see. */
export interface LabelFilter {
  tiers: readonly Tier[];
  minStrength: number;
  emphasis: Settings['emphasis'];
  /** Claims the reader said a sentence does not state ("Not this claim"). */
  isDismissed?: (claimId: string, sentence: string) => boolean;
}

export function filterFromSettings(
  settings: Settings,
  isDismissed?: LabelFilter['isDismissed'],
): LabelFilter {
  return {
    tiers: settings.tiers,
    minStrength: settings.minStrength,
    emphasis: settings.emphasis,
    isDismissed,
  };
}

export interface Labeled {
  /** Stable across rescans of the same text: the sentence, its claims and which occurrence it is. */
  key: string;
  id: string;
  tier: Tier;
  emphasis: Emphasis;
  text: string;
  spans: TextSpan[];
  /** As the matcher ranks them (core/match/rank.ts): the most serious claim the sentence firmly states first. */
  entries: CardEntry[];
  finding: Finding;
}

export interface ReadOptions {
  /** Our own UI, left out of the article. */
  skip?: (el: Element) => boolean;
}

export function readArticle(doc: Document, options: ReadOptions = {}): TextBlock[] {
  return extractBlocks(findArticleRoot(doc), { skip: options.skip });
}

/** The same, in steps (see extractBlocksInSteps), for the content script. */
export function readArticleInSteps(doc: Document, options: ReadOptions = {}): Generator<void, TextBlock[]> {
  return extractBlocksInSteps(findArticleRoot(doc), { skip: options.skip });
}

/** The article's text as one string: equal signatures mean equal labels. */
export function textSignature(blocks: readonly { text: string }[]): string {
  return blocks.map((b) => b.text).join('\u0000');
}

/**
 * Longest piece of one block the matcher sees in one step. A 100k-word block is cut (at a sentence end
 * where there is one) so the scan can yield between pieces instead of running one long task.
 */
export const MAX_PIECE_CHARS = 6000;

interface Piece {
  /** What the matcher is sent. */
  input: MatchInputBlock;
  block: TextBlock;
  /** Where the piece starts in the block's text. */
  offset: number;
}

/** The pieces of the blocks read last: the request and the labeling that follows both need them. */
const piecesOfBlocks = new WeakMap<readonly TextBlock[], Piece[]>();

export function piecesOf(blocks: readonly TextBlock[], maxChars = MAX_PIECE_CHARS): Piece[] {
  const known = maxChars === MAX_PIECE_CHARS ? piecesOfBlocks.get(blocks) : undefined;
  if (known) return known;
  const pieces: Piece[] = [];
  for (const block of blocks) {
    const { text } = block;
    const context: Omit<MatchInputBlock, 'text' | 'breaks'> = {
      kind: block.kind,
      rowHeader: block.rowHeader,
      columnHeader: block.columnHeader,
      label: block.label,
      tableHeader: block.tableHeader,
    };
    let offset = 0;
    while (offset < text.length) {
      let end = text.length;
      if (end - offset > maxChars) {
        const window = text.slice(offset, offset + maxChars);
        const lastStop = Math.max(
          window.lastIndexOf('. '),
          window.lastIndexOf('! '),
          window.lastIndexOf('? '),
        );
        end = offset + (lastStop > maxChars / 2 ? lastStop + 2 : maxChars);
      }
      const breaks = block.breaks?.filter((b) => b > offset && b < end).map((b) => b - offset);
      pieces.push({
        input: { ...context, text: text.slice(offset, end), breaks: breaks?.length ? breaks : undefined },
        block,
        offset,
      });
      offset = end;
    }
  }
  if (maxChars === MAX_PIECE_CHARS) piecesOfBlocks.set(blocks, pieces);
  return pieces;
}

type LabelOptions = { articleDate?: string | null };

/**
 * Labels the blocks with the matches for `matchInputOf(blocks)`. `articleDate` is the page's publication
 * date (it decides which claims stand out).
 */
export function labelMatches(
  blocks: readonly TextBlock[],
  matches: readonly PageMatch[],
  lookup: ClaimLookup,
  filter: LabelFilter,
  options: LabelOptions = {},
): Labeled[] {
  const steps = labelMatchesInSteps(blocks, matches, lookup, filter, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Matches labeled between two steps of labelMatchesInSteps: each can read computed style (hidden text),
 * and the first such read after the page changed recalculates the page's style.
 */
const MATCHES_PER_STEP = 25;

/** The same, pausable every MATCHES_PER_STEP sentences, so a caller can yield to the page in between. */
export function* labelMatchesInSteps(
  blocks: readonly TextBlock[],
  matches: readonly PageMatch[],
  lookup: ClaimLookup,
  filter: LabelFilter,
  { articleDate = null }: LabelOptions = {},
): Generator<void, Labeled[]> {
  const pieces = piecesOf(blocks);
  const visibleSpans = createVisibilityCheck();
  yield;
  const labeled: Labeled[] = [];
  const seen = new Map<string, number>();
  // Whether a claim stands out depends on the claim and the page's date only; a long article states the
  // same claims in many sentences, so it is worked out once per claim.
  const emphasisOf = new Map<string, Emphasis>();
  const claimEmphasis = (claim: PageClaim): Emphasis => {
    let emphasis = emphasisOf.get(claim.id);
    if (emphasis === undefined) {
      const changed = changedSincePublication(articleDate, claim.history);
      emphasis = markEmphasis(claim.tier, changed, filter.emphasis);
      emphasisOf.set(claim.id, emphasis);
    }
    return emphasis;
  };
  let done = 0;
  for (const match of matches) {
    if (++done % MATCHES_PER_STEP === 0) yield;
    const piece = pieces[match.blockIndex];
    if (!piece) continue;
    // The answer locates the sentence; its words are the page's own.
    const text = piece.input.text.slice(match.start, match.end);
    const entries = match.hits
      .filter((hit) => shown(hit, text, lookup, filter))
      .map((hit) => ({ claim: lookup.claims.get(hit.claimId)!, hit }));
    if (entries.length === 0) continue;
    const spans = visibleSpans(
      spansFor(piece.block, piece.offset + match.start, piece.offset + match.end, { dropBlank: true }),
    );
    if (spans.length === 0) continue;
    // The matcher ranks a sentence's claims; the first is the one the highlight is painted with and the
    // card opens on.
    const ordered = entries;
    const lead = ordered[0]!;
    const baseKey = `${text}\u0000${ordered.map((e) => e.claim.id).join(' ')}`;
    const occurrence = (seen.get(baseKey) ?? 0) + 1;
    seen.set(baseKey, occurrence);
    const id = `cl-${labeled.length + 1}`;
    const strong = ordered.some((e) => claimEmphasis(e.claim) === 'strong');
    labeled.push({
      key: `${baseKey}\u0000${occurrence}`,
      id,
      tier: lead.claim.tier,
      emphasis: strong ? 'strong' : 'quiet',
      text,
      spans,
      entries: ordered,
      finding: {
        highlightId: id,
        text,
        claims: ordered.map(({ claim, hit }) => ({
          claimId: claim.id,
          tier: claim.tier,
          strength: hit.strength,
          strengthLabel: describeMatch(hit),
        })),
      },
    });
  }
  return labeled;
}

function shown(hit: PageHit, sentence: string, lookup: ClaimLookup, filter: LabelFilter): boolean {
  const claim = lookup.claims.get(hit.claimId);
  if (!claim || !filter.tiers.includes(claim.tier) || hit.strength < filter.minStrength) return false;
  return !filter.isDismissed?.(hit.claimId, sentence);
}
