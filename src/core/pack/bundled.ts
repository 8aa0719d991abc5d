import packJson, { matchIndexJson } from 'virtual:claim-pack';
import type { MatchIndex } from '../match/compile';
import type { ClaimPack } from './schema';

let pack: ClaimPack | undefined;

/**
 * The pack validated at build time; parsed on first use only. Its claims' matching rules are in the
 * build-time index, not here (compile.ts, withoutIndexedRules).
 */
export function loadBundledPack(): ClaimPack {
  pack ??= JSON.parse(packJson) as ClaimPack;
  return pack;
}

let matchIndex: MatchIndex | undefined;

/** The matcher's index for the bundled pack, built at build time; parsed on first use only. */
export function loadBundledMatchIndex(): MatchIndex {
  matchIndex ??= JSON.parse(matchIndexJson) as MatchIndex;
  return matchIndex;
}
