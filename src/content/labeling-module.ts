/**
 * The handshake between the gate (the manifest content script) and the modules it imports on demand. All
 * run in the same isolated world, so an imported module leaves its export on globalThis under a known key.
 * The labeler is split in two files so that no single import (compile + top-level run) is a long task:
 * the labeler itself (matcher, pack, card) and its storage (zod-validated settings, dismissals, drafts).
 */
export const LABELER_MODULE = { file: 'claim-lens-labeler.js', key: '__claimLensLabeler' } as const;
export type { StartLabeling as LabelerModule } from './gate';
export const STORAGE_MODULE = { file: 'claim-lens-storage.js', key: '__claimLensStorage' } as const;

export function registerModule(module: { key: string }, value: unknown): void {
  (globalThis as Record<string, unknown>)[module.key] = value;
}

export async function importModule<T>(module: { file: string; key: string }, url: string): Promise<T> {
  await import(/* @vite-ignore */ url);
  const value = (globalThis as Record<string, unknown>)[module.key];
  if (value === undefined) throw new Error(`${module.file} did not register itself`);
  return value as T;
}
