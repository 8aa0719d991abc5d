import { z } from 'zod';
import { pluralWord } from '../../core/text';
import { defineValidatedItem, type Migrations, quarantineValue, type ReadResult } from './validated-item';

/**
 * A stored list whose entries are validated one by one. One bad entry (hand-edited storage, a bug in an
 * older build) is moved to quarantine on its own with its reason; the good entries stay. The list as a
 * whole is versioned like any validated item, so a format change migrates every entry at once.
 */
export interface ValidatedList<T> {
  read(): Promise<ReadResult<T[]>>;
  write(entries: T[]): Promise<void>;
  /** Read, change, write; calls in one page are serialized so no change is lost to another. */
  update(change: (entries: T[]) => T[]): Promise<T[]>;
  watch(callback: (entries: T[]) => void): () => void;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`;
}

export function defineValidatedList<S extends z.ZodType>(options: {
  key: `local:${string}` | `sync:${string}`;
  entrySchema: S;
  version: number;
  /** What one entry is called in messages to the reader ("correction"). */
  noun: string;
  /** WXT migrations after version 2: migrations[n] turns the whole list of version n − 1 into version n. */
  migrations?: Migrations;
}): ValidatedList<z.infer<S>> {
  type T = z.infer<S>;
  const { key, entrySchema, version, noun, migrations } = options;
  const item = defineValidatedItem({
    key,
    schema: z.array(z.unknown()),
    version,
    fallback: () => [],
    migrations,
  });
  let queue: Promise<unknown> = Promise.resolve();

  function partition(raw: unknown[]): { good: T[]; bad: { raw: unknown; reason: string }[] } {
    const good: T[] = [];
    const bad: { raw: unknown; reason: string }[] = [];
    raw.forEach((entry, index) => {
      const parsed = entrySchema.safeParse(entry);
      if (parsed.success) good.push(parsed.data);
      else bad.push({ raw: entry, reason: `entry ${index + 1}: ${describeIssue(parsed.error)}` });
    });
    return { good, bad };
  }

  async function read(): Promise<ReadResult<T[]>> {
    const { value, problem } = await item.read();
    const { good, bad } = partition(value);
    if (bad.length === 0) return { value: good, problem };
    for (const entry of bad) await quarantineValue(key, entry.raw, entry.reason);
    await item.write(good);
    const message = `${bad.length} stored ${pluralWord(bad.length, { one: noun, other: `${noun}s` })} could not be read (${bad[0]!.reason}) and ${pluralWord(bad.length, { one: 'was', other: 'were' })} moved to quarantine; the rest are kept.`;
    return { value: good, problem: problem ? `${problem} ${message}` : message };
  }

  return {
    read,
    async write(entries) {
      await item.write(entries.map((entry) => entrySchema.parse(entry)));
    },
    update(change) {
      const next = queue.then(async () => {
        const { value } = await read();
        const changed = change(value).map((entry) => entrySchema.parse(entry) as T);
        await item.write(changed);
        return changed;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    watch(callback) {
      return item.watch((raw) => callback(partition(raw).good));
    },
  };
}
