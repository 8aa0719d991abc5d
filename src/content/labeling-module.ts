/**
 * The handshake between the gate (the manifest content script) and the modules it imports on demand. All
 * run in the same isolated world, so an imported module leaves its export on globalThis under a known key.
 * Each file is loaded only when needed, so no single import (compile + top-level run) is a long task and
 * most pages load none of them: the watcher (on a page that names DeepSeek or has a reader: the whole-text
 * check, the popup's answers), the labeler (extraction, painting, talking to the background), the card
 * (Preact and the card, on the first hover), the storage half (zod-validated settings, dismissals, drafts,
 * when a stored value needs it or a card button is pressed) and the local matcher (the claim pack and the
 * matcher, only when the background cannot answer). A page whose title names DeepSeek gets the watcher
 * and the labeler in one file.
 */
/** The manifest content script: the gate (entrypoints/claim-lens-gate.ts). */
export const GATE_SCRIPT = 'claim-lens-gate.js';
export const WATCH_MODULE = { file: 'claim-lens-watch.js', key: '__claimLensWatch' } as const;
export type { WatchPage as WatchModule } from './page-watch';
export const LABELER_MODULE = { file: 'claim-lens-labeler.js', key: '__claimLensLabeler' } as const;
export type { StartLabeling as LabelerModule } from './page-watch';
/**
 * The watcher and the labeler in one file, for a page whose title names DeepSeek (it needs both at once):
 * one import instead of two, and the code they share evaluated once. It registers both keys.
 */
export const WATCH_WITH_LABELER_MODULE = {
  file: 'claim-lens-watch-labeler.js',
  key: WATCH_MODULE.key,
} as const;
export const STORAGE_MODULE = { file: 'claim-lens-storage.js', key: '__claimLensStorage' } as const;
export const CARD_MODULE = { file: 'claim-lens-card.js', key: '__claimLensCard' } as const;
export const MATCHER_MODULE = { file: 'claim-lens-matcher.js', key: '__claimLensMatcher' } as const;
export const ON_DEMAND_MODULES = [
  WATCH_MODULE,
  LABELER_MODULE,
  WATCH_WITH_LABELER_MODULE,
  STORAGE_MODULE,
  CARD_MODULE,
  MATCHER_MODULE,
] as const;

export function registerModule(module: { key: string }, value: unknown): void {
  (globalThis as Record<string, unknown>)[module.key] = value;
}

/** A module's export, imported unless a file already registered it (the watcher-and-labeler file). */
export async function importModule<T>(module: { file: string; key: string }, url: string): Promise<T> {
  // Own properties only: a page element with the key as its id is visible on the window's prototype chain
  // (named access), even from our isolated world, and must not pass for a module.
  if (Object.hasOwn(globalThis, module.key)) return (globalThis as Record<string, unknown>)[module.key] as T;
  await import(/* @vite-ignore */ url);
  const value = (globalThis as Record<string, unknown>)[module.key];
  if (value === undefined) throw new Error(`${module.file} did not register itself`);
  return value as T;
}
