import { compileMatcher, type Matcher } from '../core/match/matcher';
import { loadBundledMatchIndex, loadBundledPack } from '../core/pack/bundled';
import type { ClaimPack } from '../core/pack/schema';
import { loadActivePack } from './active-pack';

export interface PackMatcher {
  pack: ClaimPack;
  matcher: Matcher;
}

let compiled: { key: string; value: PackMatcher } | undefined;

/**
 * The matcher for the claim pack in use (the bundled one, or a newer adopted update), compiled once per
 * pack: from the build-time index for the bundled pack, at run time for an update. The background holds
 * it; a page holds it only when the background cannot answer.
 */
export async function loadActiveMatcher(): Promise<PackMatcher> {
  const { pack, origin } = await loadActivePack(loadBundledPack);
  const key = `${origin}\u0000${pack.version}`;
  if (compiled?.key !== key) {
    const index = origin === 'bundled' ? loadBundledMatchIndex() : undefined;
    compiled = { key, value: { pack, matcher: compileMatcher(pack, index) } };
  }
  return compiled.value;
}
