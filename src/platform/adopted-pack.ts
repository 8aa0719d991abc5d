import { storage } from '#imports';
import type { PackIdentity } from '../core/pack/signature';
import { ADOPTED_PACK_KEY } from './plain-storage';

export { watchAdoptedPack } from './plain-storage';

/**
 * The adopted signed pack's storage, apart from pack-update.ts (which validates the update state with zod),
 * so article pages can read it without evaluating zod.
 */

/** A verified pack, stored as the exact text that was signed; read without zod by content and popup. */
export interface AdoptedPack extends PackIdentity {
  json: string;
  adoptedAt: string;
}

export function readAdoptedPack(): Promise<AdoptedPack | null> {
  return storage.getItem<AdoptedPack>(ADOPTED_PACK_KEY);
}

/** One write of the whole record, so a reader never sees a new version with old text. */
export function writeAdoptedPack(pack: AdoptedPack): Promise<void> {
  return storage.setItem(ADOPTED_PACK_KEY, pack);
}
