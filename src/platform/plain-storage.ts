import { storage } from '#imports';
import type { Settings } from '../core/settings/schema';
import type { Dismissal } from './dismissals';
import { defaultSettings, plainDismissals, plainSettings } from './storage/plain-checks';

/**
 * The content script's reads of settings and dismissals, without zod: the stored value, its WXT version and
 * a hand-written check (storage/plain-checks.ts). `undefined` means "not sure" (another version, a value
 * the check does not accept): then the caller asks the zod item, which migrates, repairs and quarantines.
 * Nothing here writes.
 */

interface PlainItem<T> {
  key: `local:${string}`;
  /** The WXT version the zod item stores (settings-item.ts, dismissals.ts). */
  version: number;
  check: (raw: unknown) => T | undefined;
  empty: () => T;
}

export const SETTINGS: PlainItem<Settings> = {
  key: 'local:settings',
  version: 2,
  check: plainSettings,
  empty: defaultSettings,
};
export const DISMISSALS: PlainItem<Dismissal[]> = {
  key: 'local:dismissals',
  version: 2,
  check: plainDismissals,
  empty: () => [],
};

export async function readPlain<T>(item: PlainItem<T>): Promise<T | undefined> {
  const [raw, meta] = await Promise.all([
    storage.getItem<unknown>(item.key),
    storage.getMeta<{ v?: number }>(item.key),
  ]);
  if (raw === null || raw === undefined) return item.empty();
  return (meta.v ?? 1) === item.version ? item.check(raw) : undefined;
}

/** Calls back with each new value; `unsure` gets a value the check does not accept. */
export function watchPlain<T>(
  item: PlainItem<T>,
  onValue: (value: T) => void,
  unsure: (raw: unknown) => void,
): () => void {
  return storage.watch<unknown>(item.key, (raw) => {
    if (raw === null || raw === undefined) return onValue(item.empty());
    const value = item.check(raw);
    if (value === undefined) unsure(raw);
    else onValue(value);
  });
}
