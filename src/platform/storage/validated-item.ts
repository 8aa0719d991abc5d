import type { z } from 'zod';
import { storage } from '#imports';

/**
 * A storage value that is versioned and validated on every read. A value that fails validation is never
 * silently dropped: it is copied to a quarantine key with the reason, the fallback is used, and the
 * problem is reported so the UI can tell the reader.
 */
export interface StoredEnvelope {
  v: number;
  data: unknown;
}

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

export const QUARANTINE_KEY = 'local:quarantine' as const;

export interface ValidatedItem<T> {
  read(): Promise<ReadResult<T>>;
  write(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** How many quarantined values are kept; the oldest go first (they have been reported already). */
const QUARANTINE_LIMIT = 20;

/** Keeps an unreadable stored value, with why, where the reader can export it from Options. */
export async function quarantineValue(key: string, raw: unknown, reason: string): Promise<void> {
  const list = ((await storage.getItem<QuarantinedValue[]>(QUARANTINE_KEY)) ?? []).slice(
    -(QUARANTINE_LIMIT - 1),
  );
  list.push({ key, at: new Date().toISOString(), reason, raw });
  await storage.setItem(QUARANTINE_KEY, list);
}

export function defineValidatedItem<S extends z.ZodType>(options: {
  key: `local:${string}` | `sync:${string}`;
  schema: S;
  version: number;
  fallback: () => z.infer<S>;
  /** migrations[n] turns data of version n into version n + 1. */
  migrations?: Record<number, (data: unknown) => unknown>;
}): ValidatedItem<z.infer<S>> {
  type T = z.infer<S>;
  const { key, schema, version, fallback, migrations = {} } = options;

  function decode(raw: unknown): { value: T } | { reason: string } {
    if (raw === null || raw === undefined) return { value: fallback() };
    const envelope = raw as Partial<StoredEnvelope>;
    if (typeof raw !== 'object' || typeof envelope.v !== 'number' || !('data' in envelope)) {
      return { reason: 'not a versioned value' };
    }
    if (envelope.v > version) return { reason: `written by a newer version (v${envelope.v})` };
    let data = envelope.data;
    for (let v = envelope.v; v < version; v++) {
      const migrate = migrations[v];
      if (!migrate) return { reason: `no migration from v${v}` };
      try {
        data = migrate(data);
      } catch (error) {
        return { reason: `migration from v${v} failed: ${(error as Error).message}` };
      }
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { reason: `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}` };
    }
    return { value: parsed.data };
  }

  return {
    async read() {
      const raw = await storage.getItem<unknown>(key);
      const decoded = decode(raw);
      if ('value' in decoded) return { value: decoded.value };
      await quarantineValue(key, raw, decoded.reason);
      const value = fallback();
      await storage.setItem(key, { v: version, data: value } satisfies StoredEnvelope);
      return {
        value,
        problem: `A stored value (${key.split(':')[1]}) was unreadable (${decoded.reason}); defaults were restored and the old value was kept in quarantine.`,
      };
    },
    async write(value) {
      const parsed = schema.parse(value);
      await storage.setItem(key, { v: version, data: parsed } satisfies StoredEnvelope);
    },
    watch(callback) {
      return storage.watch<unknown>(key, (raw) => {
        const decoded = decode(raw);
        if ('value' in decoded) callback(decoded.value);
      });
    },
  };
}
