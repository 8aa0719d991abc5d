import { compileMatcher, type DocumentMatches, type Matcher } from '../core/match/matcher';
import { loadBundledMatchIndex, loadBundledPack } from '../core/pack/bundled';
import { loadActivePack } from '../platform/active-pack';
import type { MatchRequest } from '../platform/protocol';

/**
 * The matcher for content scripts, so an article's matching runs here and not on the page's main thread.
 * Compiled once per pack (from the build-time index for the bundled pack) and kept while the background
 * lives.
 */
let compiled: { key: string; matcher: Matcher } | undefined;
let answered = 0;

/** How many articles the background has matched since it started (for the end-to-end tests). */
export const matchedArticles = () => answered;

export async function matchBlocks(request: MatchRequest): Promise<DocumentMatches | null> {
  const { pack, origin } = await loadActivePack(loadBundledPack);
  // The page labels with the pack it holds; matching with another would name claims it does not know.
  if (pack.version !== request.packVersion) return null;
  const key = `${origin}\u0000${pack.version}`;
  if (compiled?.key !== key) {
    const index = origin === 'bundled' ? loadBundledMatchIndex() : undefined;
    compiled = { key, matcher: compileMatcher(pack, index) };
  }
  answered++;
  return compiled.matcher.matchDocument(request.blocks, { title: request.title });
}
