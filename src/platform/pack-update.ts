import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { browser } from '#imports';
import type { RefusalReason } from '../core/pack/signature';
import { defineValidatedItem } from './storage/validated-item';

/**
 * Storage, alarm and messaging for signed claim-pack updates. The background is the only writer of the
 * adopted pack, and writes it only after the signature, schema and version checks pass.
 */

const REFUSAL_REASONS = [
  'unreachable',
  'timeout',
  'malformed',
  'bad-signature',
  'invalid-pack',
  'other-pack',
  'not-newer',
  'future-date',
] as const satisfies readonly RefusalReason[];

const LastCheckSchema = z.strictObject({
  at: z.iso.datetime(),
  /** adopted: a newer pack is in use; current: nothing newer; refused: a download failed a check. */
  outcome: z.enum(['adopted', 'current', 'refused']),
  reason: z.enum(REFUSAL_REASONS).optional(),
  /** The version the server offered, when it could be read. */
  offered: z.string().optional(),
});
export type LastCheck = z.infer<typeof LastCheckSchema>;

const PackUpdateStateSchema = z.strictObject({
  /** The reader can turn updates off; then nothing is fetched and the alarm is cleared. */
  enabled: z.boolean().default(true),
  lastCheck: LastCheckSchema.optional(),
  /** The last refusal of a download that was not simply "nothing newer", kept until a pack is adopted. */
  lastRefusal: LastCheckSchema.optional(),
});
export type PackUpdateState = z.infer<typeof PackUpdateStateSchema>;

export const packUpdateStateItem = defineValidatedItem({
  key: 'local:packUpdates',
  schema: PackUpdateStateSchema,
  version: 1,
  fallback: () => PackUpdateStateSchema.parse({}),
});

export { type AdoptedPack, readAdoptedPack, watchAdoptedPack, writeAdoptedPack } from './adopted-pack';

// --- Build-time configuration ----------------------------------------------------------------------------

/** Where signed packs are published (WXT_PACK_UPDATE_URL); empty means this build never fetches. */
export const PACK_UPDATE_URL: string = import.meta.env.WXT_PACK_UPDATE_URL ?? '';
/** Base64 of the raw 32-byte Ed25519 public key that signs packs (WXT_PACK_PUBLIC_KEY). */
export const PACK_PUBLIC_KEY: string = import.meta.env.WXT_PACK_PUBLIC_KEY ?? '';
/** How long one download may take (WXT_PACK_UPDATE_TIMEOUT_MS; tests shorten it). */
export const PACK_UPDATE_TIMEOUT_MS = Number(import.meta.env.WXT_PACK_UPDATE_TIMEOUT_MS) || 20_000;

// --- Alarm ------------------------------------------------------------------------------------------------

const ALARM_NAME = 'claim-lens-pack-update';

export async function schedulePackChecks(periodInMinutes: number, delayInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(ALARM_NAME);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(ALARM_NAME, { periodInMinutes, delayInMinutes });
}

export async function cancelPackChecks(): Promise<void> {
  await browser.alarms.clear(ALARM_NAME);
}

export function onPackCheckAlarm(run: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) run();
  });
}

// --- Download ---------------------------------------------------------------------------------------------

/** Bigger than any real pack by far; a response past this is not a pack. */
const MAX_PACK_BYTES = 8 * 1024 * 1024;

export type Download =
  | { ok: true; text: string }
  | { ok: false; reason: 'unreachable' | 'timeout' | 'malformed' };

/**
 * A plain GET of the configured URL: no query, no cookies, no referrer, nothing about the reader's pages.
 * Works without host permissions when the server sends CORS headers (Access-Control-Allow-Origin).
 */
export async function downloadSignedPack(url: string, timeoutMs: number): Promise<Download> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'GET',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal,
    });
    if (!response.ok) return { ok: false, reason: 'unreachable' };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_PACK_BYTES) return { ok: false, reason: 'malformed' };
    const text = await response.text();
    if (text.length > MAX_PACK_BYTES) return { ok: false, reason: 'malformed' };
    return { ok: true, text };
  } catch {
    // A dropped connection rejects fetch() or response.text(); a body cut off cleanly fails to parse later.
    return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable' };
  }
}

// --- Messaging --------------------------------------------------------------------------------------------

interface PackUpdateProtocol {
  /** Options' "Check now": runs one check and answers with the stored state after it. */
  checkPackNow(): PackUpdateState;
}

export const packUpdateMessaging = defineExtensionMessaging<PackUpdateProtocol>();
