import { z } from 'zod';
import { storage } from '#imports';

/**
 * A stored value on WXT storage (`storage.defineItem` with `version` and `migrations`), validated with zod
 * on every read. A value that fails validation, cannot be migrated or was written by a newer version is
 * never silently dropped: it is copied to a quarantine list with the reason, the fallback is used, and the
 * problem is returned so the UI can tell the reader.
 *
 * Versions: before WXT storage every value was stored as a `{ v: 1, data }` envelope, which WXT sees as
 * version 1 (no version metadata). Version 2 stores the value itself; migration 2 unwraps the envelope.
 */
export interface QuarantinedValue {
  key: string;
  at: string;
  reason: string;
  raw: unknown;
}

export interface ReadResult<T> {
  value: T;
  /** Set when the stored value was unreadable and was quarantined; shown to the reader. */
  problem?: string;
}

export interface ValidatedItem<T> {
  read(): Promise<ReadResult<T>>;
  write(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

type StorageKey = `local:${string}` | `sync:${string}`;
/** WXT's convention: migrations[n] turns a version n − 1 value into version n. */
export type Migrations = Record<number, (value: unknown) => unknown>;

/**
 * The first version stored by WXT storage itself, for items that existed before it (settings,
 * corrections, drafts, dismissals). An item that never had the envelope may start at version 1.
 */
export const FIRST_WXT_VERSION = 2;

const QuarantineSchema = z.array(
  z.object({ key: z.string(), at: z.string(), reason: z.string(), raw: z.unknown() }),
);
export const QUARANTINE_KEY = 'local:quarantine' as const;
const quarantineItem = storage.defineItem<unknown>(QUARANTINE_KEY, { fallback: [] });

/** How many quarantined values are kept; the oldest go first (they have been reported already). */
const QUARANTINE_LIMIT = 20;

function quarantineList(raw: unknown): QuarantinedValue[] {
  const parsed = QuarantineSchema.safeParse(raw);
  return parsed.success ? (parsed.data as QuarantinedValue[]) : [];
}

export async function readQuarantine(): Promise<QuarantinedValue[]> {
  return quarantineList(await quarantineItem.getValue());
}

export function watchQuarantine(callback: (list: QuarantinedValue[]) => void): () => void {
  return quarantineItem.watch((raw) => callback(quarantineList(raw)));
}

export async function clearQuarantine(): Promise<void> {
  await quarantineItem.removeValue();
}

/** Keeps an unreadable stored value, with why, where the reader can download it from Options. */
export async function quarantineValue(key: string, raw: unknown, reason: string): Promise<void> {
  const list = (await readQuarantine()).slice(-(QUARANTINE_LIMIT - 1));
  list.push({ key, at: new Date().toISOString(), reason, raw });
  await quarantineItem.setValue(list);
}

/** Migration 2: the `{ v: 1, data }` envelope of the hand-rolled format becomes the value itself. */
export function unwrapLegacyEnvelope(value: unknown): unknown {
  const envelope = value as { v?: unknown; data?: unknown } | null;
  if (
    typeof envelope !== 'object' ||
    envelope === null ||
    typeof envelope.v !== 'number' ||
    !('data' in envelope)
  ) {
    throw new Error('not a versioned value');
  }
  if (envelope.v > 1) throw new Error(`written by a newer version (v${envelope.v})`);
  // WXT keeps the old value when a migration returns null or undefined; an empty envelope is invalid.
  if (envelope.data === null || envelope.data === undefined) throw new Error('the stored value is empty');
  return envelope.data;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return cause instanceof Error ? cause.message : String(cause);
}

export function defineValidatedItem<S extends z.ZodType>(options: {
  key: StorageKey;
  schema: S;
  /** FIRST_WXT_VERSION or later for items that existed as envelopes; 1 for an item new since. */
  version: number;
  fallback: () => z.infer<S>;
  /** Migrations after version 2 (version 2 itself, the envelope, is built in). */
  migrations?: Migrations;
}): ValidatedItem<z.infer<S>> {
  type T = z.infer<S>;
  const { key, schema, version, fallback } = options;
  const migrations: Migrations = { [FIRST_WXT_VERSION]: unwrapLegacyEnvelope, ...options.migrations };
  const item = storage.defineItem<unknown>(key, { fallback: null, version, migrations });
  const storedVersion = async () => ((await item.getMeta()) as { v?: number }).v ?? 1;

  /** The value as this version reads it, or why it cannot be read. */
  async function decode(): Promise<{ raw: unknown; value?: T; reason?: string }> {
    let raw = await item.getValue();
    if (raw === null || raw === undefined) return { raw, value: fallback() };
    const stored = await storedVersion();
    if (stored > version) return { raw, reason: `written by a newer version (v${stored})` };
    if (stored < version) {
      // Written in an older format after this page defined the item (another context, an old backup).
      try {
        await item.migrate();
      } catch (error) {
        return { raw, reason: `migration from v${stored} failed: ${causeOf(error)}` };
      }
      raw = await item.getValue();
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? { raw, value: parsed.data } : { raw, reason: describeIssue(parsed.error) };
  }

  return {
    async read() {
      const decoded = await decode();
      if (decoded.value !== undefined) return { value: decoded.value };
      const reason = decoded.reason ?? 'invalid';
      await quarantineValue(key, decoded.raw, reason);
      const value = fallback();
      await item.setValue(value);
      await item.setMeta({ v: version });
      return {
        value,
        problem: `A stored value (${key.split(':')[1]}) was unreadable (${reason}); defaults were restored and the old value was kept in quarantine.`,
      };
    },
    async write(value) {
      await item.setValue(schema.parse(value));
      await item.setMeta({ v: version });
    },
    watch(callback) {
      return item.watch((raw) => {
        if (raw === null || raw === undefined) return callback(fallback());
        const parsed = schema.safeParse(raw);
        if (parsed.success) callback(parsed.data);
      });
    },
  };
}
