import { answerOf, type MatchAnswer } from '../core/match/answer';
import { BACKGROUND_SLICE_MS, runInSlices } from '../page/schedule';
import { loadActiveMatcher } from '../platform/active-matcher';
import { fromJson, type Json, type MatchRequest, toJson } from '../platform/protocol';

/**
 * Matching for content scripts, so an article's matching runs here and not on the page's main thread.
 * The answer carries what the page shows of the matched claims, so pages never hold the pack. A long
 * article is matched in slices, so requests from other tabs (and the badge, the menus) are never kept
 * waiting behind one long task.
 */
let answered = 0;

/** How many articles the background has matched since it started (for the end-to-end tests). */
export const matchedArticles = () => answered;

let refusing = false;
/** For the end-to-end tests: the background stops answering, as while it restarts, so pages fall back. */
export function refuseMatching(refuse: boolean): void {
  refusing = refuse;
}

export async function matchBlocks(json: Json<MatchRequest>): Promise<Json<MatchAnswer>> {
  if (refusing) throw new Error('The background is not matching (end-to-end test).');
  const request = fromJson(json);
  const { pack, matcher } = await loadActiveMatcher();
  const matched = await runInSlices(
    matcher.matchDocumentInSteps(request.blocks, { title: request.title }),
    () => true,
    undefined,
    BACKGROUND_SLICE_MS,
  );
  answered++;
  return toJson(answerOf(pack, matched!));
}
