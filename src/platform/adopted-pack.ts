import { storage } from '#imports';
import type { PackIdentity } from '../core/pack/signature';

/**
 * The adopted signed pack's storage, apart from pack-update.ts (which validates the update state with zod),
 * so article pages can read it without evaluating zod.
 */

/** A verified pack, stored as the exact text that was signed; read without zod by content and popup. */
export interface AdoptedPack extends PackIdentity {
  json: string;
  adoptedAt: string;
}

const ADOPTED_PACK_KEY = 'local:adoptedPack' as const;

export function readAdoptedPack(): Promise<AdoptedPack | null> {
  return storage.getItem<AdoptedPack>(ADOPTED_PACK_KEY);
}

/** One write of the whole record, so a reader never sees a new version with old text. */
export function writeAdoptedPack(pack: AdoptedPack): Promise<void> {
  return storage.setItem(ADOPTED_PACK_KEY, pack);
}

export function watchAdoptedPack(onChange: (pack: AdoptedPack | null) => void): () => void {
  return storage.watch<AdoptedPack>(ADOPTED_PACK_KEY, onChange);
}
