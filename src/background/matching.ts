import { answerOf, type MatchAnswer } from '../core/match/answer';
import { compileMatcher, type Matcher } from '../core/match/matcher';
import { loadBundledMatchIndex, loadBundledPack } from '../core/pack/bundled';
import { runInSlices } from '../page/schedule';
import { loadActivePack } from '../platform/active-pack';
import type { MatchRequest } from '../platform/protocol';

/**
 * The matcher for content scripts, so an article's matching runs here and not on the page's main thread.
 * Compiled once per pack (from the build-time index for the bundled pack) and kept while the background
 * lives. The answer carries what the page shows of the matched claims, so pages never hold the pack.
 * A long article is matched in slices, so requests from other tabs (and the badge, the menus) are never
 * kept waiting behind one long task.
 */
let compiled: { key: string; matcher: Matcher } | undefined;
let answered = 0;

/** How many articles the background has matched since it started (for the end-to-end tests). */
export const matchedArticles = () => answered;

let refusing = false;
/** For the end-to-end tests: the background stops answering, as while it restarts, so pages fall back. */
export function refuseMatching(refuse: boolean): void {
  refusing = refuse;
}

export async function matchBlocks(request: MatchRequest): Promise<MatchAnswer> {
  if (refusing) throw new Error('The background is not matching (end-to-end test).');
  const { pack, origin } = await loadActivePack(loadBundledPack);
  const key = `${origin}\u0000${pack.version}`;
  if (compiled?.key !== key) {
    const index = origin === 'bundled' ? loadBundledMatchIndex() : undefined;
    compiled = { key, matcher: compileMatcher(pack, index) };
  }
  const matched = await runInSlices(
    compiled.matcher.matchDocumentInSteps(request.blocks, { title: request.title }),
    () => true,
  );
  answered++;
  return answerOf(pack, matched!);
}
