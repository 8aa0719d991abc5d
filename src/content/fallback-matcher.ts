import type { MatchAnswer } from '../core/match/answer';
import { warmUpSegmenter } from '../core/match/segment';
import { loadBundledMatchIndex, loadBundledPack } from '../core/pack/bundled';
import { runInSlices, yieldToPage } from '../page/schedule';
import { loadActivePack } from '../platform/active-pack';
import type { MatchRequest } from '../platform/protocol';
import { compileDatabase, type Database, matchSteps } from './local-matching';

/** Matches an article on the page, in slices; undefined if the page went away meanwhile. */
export type FallbackMatcher = (
  request: MatchRequest,
  stillWanted: () => boolean,
) => Promise<MatchAnswer | undefined>;

let compiled: { key: string; db: Database } | undefined;

/**
 * What claim-lens-matcher.js does when the background cannot answer (it is restarting, or was updated
 * under the page): the same pack the background would use, the same matcher, on the page's main thread
 * but never in one long task.
 */
export const matchOnPage: FallbackMatcher = async (request, stillWanted) => {
  const { pack, origin } = await loadActivePack(loadBundledPack);
  const key = `${origin}\u0000${pack.version}`;
  if (compiled?.key !== key) {
    await yieldToPage();
    compiled = { key, db: compileDatabase(pack, origin === 'bundled' ? loadBundledMatchIndex() : undefined) };
    void compiled.db.matcher;
    await yieldToPage();
  }
  // Intl.Segmenter's first use loads ICU's sentence rules: a step of its own, not inside a slice.
  warmUpSegmenter();
  await yieldToPage();
  return runInSlices(matchSteps(compiled.db, request.blocks, request.title), stillWanted);
};
