import packJson from 'virtual:claim-pack';
import type { ClaimPack } from './schema';

let pack: ClaimPack | undefined;

/** The pack validated at build time; parsed on first use only. */
export function loadBundledPack(): ClaimPack {
  pack ??= JSON.parse(packJson) as ClaimPack;
  return pack;
}
