import type { MatchAnswer } from '../core/match/answer';
import { warmUpSegmenter } from '../core/match/segment';
import { runInSlices, yieldToPage } from '../page/schedule';
import { loadActiveMatcher } from '../platform/active-matcher';
import type { MatchRequest } from '../platform/protocol';
import { matchSteps } from './local-matching';

/** Matches an article on the page, in slices; undefined if the page went away meanwhile. */
export type FallbackMatcher = (
  request: MatchRequest,
  stillWanted: () => boolean,
) => Promise<MatchAnswer | undefined>;

/**
 * What claim-lens-matcher.js does when the background cannot answer (it is restarting, or was updated
 * under the page): the same pack and matcher the background would use, on the page's main thread but
 * never in one long task.
 */
export const matchOnPage: FallbackMatcher = async (request, stillWanted) => {
  const active = await loadActiveMatcher();
  // Intl.Segmenter's first use loads ICU's sentence rules: a step of its own, not inside a slice.
  await yieldToPage();
  warmUpSegmenter();
  await yieldToPage();
  return runInSlices(matchSteps(active, request.blocks, request.title), stillWanted);
};
