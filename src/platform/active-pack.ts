import type { ClaimPack } from '../core/pack/schema';
import { compareVersions, type PackIdentity } from '../core/pack/signature';
import { type AdoptedPack, readAdoptedPack, watchAdoptedPack } from './adopted-pack';

/**
 * The claim pack in use: the one bundled with the extension, unless a newer signed update has been
 * adopted. An extension update that bundles a newer pack than the adopted one wins, so a reader is never
 * held back by an old download. The stored text was verified and validated by the background before it
 * was written, so it is only parsed here (no zod on pages).
 *
 * Callers pass the bundled pack in (`loadBundledPack`), so a module that already carries it, like the
 * labeler, lends it to its storage half instead of bundling a second copy.
 */

export interface ActivePack {
  pack: ClaimPack;
  /** Where it came from: shown as "updated <date>" next to the version. */
  origin: 'bundled' | 'update';
  adoptedAt?: string;
}

export type BundledPack = () => ClaimPack;

function choose(adopted: AdoptedPack | null, bundled: ClaimPack): ActivePack {
  if (!adopted || adopted.id !== bundled.id || compareVersions(adopted.version, bundled.version) <= 0) {
    return { pack: bundled, origin: 'bundled' };
  }
  try {
    return { pack: JSON.parse(adopted.json) as ClaimPack, origin: 'update', adoptedAt: adopted.adoptedAt };
  } catch {
    return { pack: bundled, origin: 'bundled' };
  }
}

let cached: { adopted: AdoptedPack | null; active: ActivePack } | undefined;

function activeFor(adopted: AdoptedPack | null, bundled: BundledPack): ActivePack {
  const same =
    cached &&
    cached.adopted?.version === adopted?.version &&
    cached.adopted?.adoptedAt === adopted?.adoptedAt;
  if (!same) cached = { adopted, active: choose(adopted, bundled()) };
  return cached!.active;
}

export async function loadActivePack(bundled: BundledPack): Promise<ActivePack> {
  return activeFor(await readAdoptedPack(), bundled);
}

/** Calls back with the new active pack whenever an update is adopted (labels on open tabs follow). */
export function watchActivePack(bundled: BundledPack, onChange: (active: ActivePack) => void): () => void {
  return watchAdoptedPack((adopted) => onChange(activeFor(adopted, bundled)));
}

/** Id, version and date of the pack in use, without parsing the stored text. */
export async function readActivePackIdentity(bundled: PackIdentity): Promise<PackIdentity> {
  const adopted = await readAdoptedPack();
  if (adopted && adopted.id === bundled.id && compareVersions(adopted.version, bundled.version) > 0) {
    return { id: adopted.id, version: adopted.version, asOf: adopted.asOf };
  }
  return { id: bundled.id, version: bundled.version, asOf: bundled.asOf };
}
