import type { StartLabeling } from './gate';

/**
 * The handshake between the gate (the manifest content script) and the labeling module, which the gate
 * imports on demand. Both run in the same isolated world, so the module leaves its entry point here.
 */
export const LABELING_MODULE_FILE = 'claim-lens-labeler.js';
const GLOBAL_KEY = '__claimLensStartLabeling';

export function registerLabeling(start: StartLabeling): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = start;
}

export async function importLabeling(url: string): Promise<StartLabeling> {
  await import(/* @vite-ignore */ url);
  const start = (globalThis as Record<string, unknown>)[GLOBAL_KEY];
  if (typeof start !== 'function') throw new Error(`${url} did not register the labeler`);
  return start as StartLabeling;
}
