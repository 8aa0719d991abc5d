import { answerOf, type ClaimLookup, type MatchAnswer } from '../core/match/answer';
import type { MatchIndex } from '../core/match/compile';
import { compileMatcher, type Matcher, type MatchInputBlock } from '../core/match/matcher';
import type { ClaimPack } from '../core/pack/schema';
import {
  type Labeled,
  type LabelFilter,
  labelMatches,
  matchInputOf,
  type ReadOptions,
  readArticle,
} from './labeler';

/**
 * Matching on the page itself: the fallback for a page whose background cannot answer (claim-lens-matcher.js,
 * loaded only then), and what the unit tests, `scan`, `eval` and the benchmark run. The answer has the
 * background's shape, so the labeler never knows where it came from.
 */
export interface Database extends ClaimLookup {
  pack: ClaimPack;
  matcher: Matcher;
}

export function compileDatabase(pack: ClaimPack, prebuilt?: MatchIndex): Database {
  let matcher: Matcher | undefined;
  return {
    pack,
    // Compiled on first use: the claims and sources alone are enough to label with matches found elsewhere.
    get matcher() {
      matcher ??= compileMatcher(pack, prebuilt);
      return matcher;
    },
    claims: new Map(pack.claims.map((c) => [c.id, c])),
    sources: new Map(pack.sources.map((s) => [s.id, s])),
  };
}

/** The matches for the blocks, one step per block, so a caller can yield to the page in between. */
export function* matchSteps(
  { pack, matcher }: Pick<Database, 'pack' | 'matcher'>,
  blocks: MatchInputBlock[],
  title: string,
): Generator<void, MatchAnswer> {
  return answerOf(pack, yield* matcher.matchDocumentInSteps(blocks, { title }));
}

/** The whole scan at once, for tests, the benchmark and any caller that need not yield. */
export function scan(
  doc: Document,
  db: Database,
  filter: LabelFilter,
  options: ReadOptions & { articleDate?: string | null } = {},
): Labeled[] {
  const blocks = readArticle(doc, options);
  const { matches } = db.matcher.matchDocument(matchInputOf(blocks), { title: doc.title });
  return labelMatches(blocks, matches, db, filter, { articleDate: options.articleDate ?? null });
}
