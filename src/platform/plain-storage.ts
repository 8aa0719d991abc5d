import type { Settings } from '../core/settings/schema';
import type { AdoptedPack } from './adopted-pack';
import type { Dismissal } from './dismissals';
import { extensionApi } from './runtime';
import { defaultSettings, plainDismissals, plainSettings } from './storage/plain-checks';

/**
 * The content script's reads of settings and dismissals, without zod: the stored value, its WXT version and
 * a hand-written check (storage/plain-checks.ts). `undefined` means "not sure" (another version, a value
 * the check does not accept): then the caller asks the zod item, which migrates, repairs and quarantines.
 * Nothing here writes.
 *
 * Straight on the extension's `storage.local`, in the layout WXT's storage writes (`local:settings` is key
 * `settings`, its version in `settings$`), not through WXT's storage module: on an article page that
 * module is the labeler's largest dependency, and it reads an item and its version in two calls. Here a
 * read is one call, and one change listener serves every watched key.
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

/** The key in `storage.local` of a WXT storage key. */
const localKey = (key: `local:${string}`): string => key.slice('local:'.length);

export async function readPlain<T>(item: PlainItem<T>): Promise<T | undefined> {
  const key = localKey(item.key);
  const stored: Record<string, unknown> = await extensionApi().storage.local.get([key, `${key}$`]);
  const raw = stored[key];
  if (raw === null || raw === undefined) return item.empty();
  const meta = stored[`${key}$`] as { v?: unknown } | undefined;
  return (meta?.v ?? 1) === item.version ? item.check(raw) : undefined;
}

/** Calls back with each new value; `unsure` gets a value the check does not accept. */
export function watchPlain<T>(
  item: PlainItem<T>,
  onValue: (value: T) => void,
  unsure: (raw: unknown) => void,
): () => void {
  return watchLocal(localKey(item.key), (raw) => {
    if (raw === null || raw === undefined) return onValue(item.empty());
    const value = item.check(raw);
    if (value === undefined) unsure(raw);
    else onValue(value);
  });
}

/** Where adopted-pack.ts keeps the adopted signed pack. */
export const ADOPTED_PACK_KEY = 'local:adoptedPack' as const;

/** The adopted signed pack changed (pages relabel, the popup and options show its version). */
export function watchAdoptedPack(onChange: (pack: AdoptedPack | null) => void): () => void {
  return watchLocal(localKey(ADOPTED_PACK_KEY), (raw) => onChange((raw as AdoptedPack | null) ?? null));
}

type Change = { newValue?: unknown; oldValue?: unknown };
const watchers = new Map<string, Set<(value: unknown) => void>>();
let listener: ((changes: Record<string, Change>) => void) | undefined;

/**
 * Calls back with a key's new value (null once removed). A change event whose new value equals the old
 * one (equal JSON) is skipped, as WXT's storage skips it. The returned stop may be called more than once.
 */
function watchLocal(key: string, callback: (value: unknown) => void): () => void {
  const area = extensionApi().storage.local;
  const callbacks = watchers.get(key) ?? new Set();
  watchers.set(key, callbacks);
  callbacks.add(callback);
  if (listener === undefined) {
    listener = (changes) => {
      for (const [changed, change] of Object.entries(changes)) {
        const heard = watchers.get(changed);
        if (heard === undefined || sameValue(change.newValue, change.oldValue)) continue;
        for (const call of [...heard]) {
          // One listener serves every watcher: one that throws must not silence the others.
          try {
            call(change.newValue ?? null);
          } catch (error) {
            console.warn('[Claim Lens] a storage watcher failed:', error);
          }
        }
      }
    };
    area.onChanged.addListener(listener);
  }
  return () => {
    if (!callbacks.delete(callback)) return;
    if (callbacks.size === 0 && watchers.get(key) === callbacks) watchers.delete(key);
    if (watchers.size === 0 && listener !== undefined) {
      area.onChanged.removeListener(listener);
      listener = undefined;
    }
  };
}

/** Stored values are JSON: equal text, equal value. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
