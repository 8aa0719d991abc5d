import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { storage } from '#imports';
import { parseExportFile, serializeExportFile } from '../../src/core/corrections/export-file';
import { newDraft } from '../../src/core/corrections/schema';
import { normalizeHost } from '../../src/core/settings/site-rules';
import {
  correctionsItem,
  draftForClaim,
  draftsItem,
  exportCorrections,
  fileDraft,
  importCorrections,
} from '../../src/platform/corrections-store';
import { DismissalIndex, dismiss, dismissalsItem, pageKey, undismiss } from '../../src/platform/dismissals';
import { SettingsSchema, settingsItem } from '../../src/platform/settings-item';
import {
  defineValidatedItem,
  QUARANTINE_KEY,
  type QuarantinedValue,
} from '../../src/platform/storage/validated-item';
import { defineValidatedList } from '../../src/platform/storage/validated-list';

beforeEach(() => {
  fakeBrowser.reset();
});

const quarantine = () => storage.getItem<QuarantinedValue[]>(QUARANTINE_KEY);

describe('validated stored values', () => {
  it('migrates a value stored in the current (pre-WXT) format: the {v: 1, data} envelope is unwrapped', async () => {
    const before = {
      v: 1,
      data: {
        tiers: ['rumor', 'contradicted'],
        minStrength: 0.6,
        sites: {},
        paused: true,
        correctionRepo: 'o/r',
      },
    };
    await storage.setItem('local:settings', before);
    const { value, problem } = await settingsItem.read();
    expect(problem).toBeUndefined();
    expect(value).toEqual({
      tiers: ['rumor', 'contradicted'],
      minStrength: 0.6,
      emphasis: 'what-matters',
      sites: {},
      paused: true,
    });
    // Stored as WXT storage keeps a versioned item: the value itself, its version in the `$` meta key.
    expect(await storage.getItem('local:settings')).toEqual(before.data);
    expect(await storage.getMeta('local:settings')).toEqual({ v: 2 });
    expect(await quarantine()).toBeNull();
  });

  it('a corrupt value falls back to defaults, says so, and is kept in quarantine', async () => {
    await settingsItem.write(SettingsSchema.parse({}));
    await storage.setItem('local:settings', { tiers: ['nonsense'] });
    const { value, problem } = await settingsItem.read();
    expect(value.tiers).toHaveLength(5);
    expect(problem).toMatch(/settings.*unreadable.*tiers\.0.*quarantine/);
    expect(await quarantine()).toEqual([
      expect.objectContaining({ key: 'local:settings', raw: { tiers: ['nonsense'] } }),
    ]);
    // Read again: the defaults were written back, so the problem is reported once, not forever.
    expect((await settingsItem.read()).problem).toBeUndefined();
  });

  it('an old value that cannot be migrated, or one from a newer version, is quarantined, never used as is', async () => {
    await storage.setItem('local:settings', { tiers: [] });
    expect((await settingsItem.read()).problem).toMatch(/migration from v1 failed: not a versioned value/);
    await storage.setItem('local:settings', { tiers: ['rumor'] });
    await storage.setMeta('local:settings', { v: 7 });
    expect((await settingsItem.read()).problem).toMatch(/newer version \(v7\)/);
    expect(await quarantine()).toHaveLength(2);
  });

  it('runs later migrations with WXT numbering (migrations[n] makes version n)', async () => {
    const Schema = z.strictObject({ names: z.array(z.string()) });
    const item = defineValidatedItem({
      key: 'local:test-migrated',
      schema: Schema,
      version: 3,
      fallback: () => ({ names: [] }),
      migrations: { 3: (data) => ({ names: String((data as { csv: string }).csv).split(',') }) },
    });
    await storage.setItem('local:test-migrated', { v: 1, data: { csv: 'a,b' } });
    expect(await item.read()).toEqual({ value: { names: ['a', 'b'] } });
    await storage.removeMeta('local:test-migrated');
    await storage.setItem('local:test-migrated', { v: 1, data: null });
    const failed = await item.read();
    expect(failed.value).toEqual({ names: [] });
    expect(failed.problem).toMatch(/migration from v1 failed: the stored value is empty/);
  });

  it('a list keeps its good entries and quarantines only the bad one', async () => {
    const list = defineValidatedList({
      key: 'local:test-list',
      entrySchema: z.strictObject({ id: z.string() }),
      version: 2,
      noun: 'thing',
    });
    await storage.setItem('local:test-list', { v: 1, data: [{ id: 'a' }, { id: 3 }, { id: 'c' }] });
    const { value, problem } = await list.read();
    expect(value).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(problem).toBe(
      '1 stored thing could not be read (entry 2: id: Invalid input: expected string, received number) and was moved to quarantine; the rest are kept.',
    );
    expect(await quarantine()).toEqual([expect.objectContaining({ key: 'local:test-list', raw: { id: 3 } })]);
    expect((await list.read()).problem).toBeUndefined();
  });
});

describe('corrections in storage', () => {
  const fields = {
    claimId: 'v4-total-params',
    currentTier: 'rumor' as const,
    sentence: 'DeepSeek V4 could reach around one trillion parameters.',
    pageUrl: 'https://news.example.test/seed-000.html',
    pageTitle: 'Seed 000',
    packVersion: '1.0.0',
  };

  it('the same claim and sentence reopen the same draft', async () => {
    const first = await draftForClaim({ kind: 'wrong-tier', ...fields });
    const again = await draftForClaim({ kind: 'wrong-match', ...fields });
    expect(again.id).toBe(first.id);
    expect((await draftsItem.read()).value).toHaveLength(1);
  });

  it('filing an invalid draft keeps it; a valid one moves to corrections and a wrong match hides the highlight', async () => {
    const draft = await draftForClaim({ kind: 'wrong-match', ...fields });
    const invalid = await fileDraft({ ...draft, note: 'typed but not finished' });
    expect(invalid.ok).toBe(false);
    expect((await draftsItem.read()).value[0]?.note).toBe('typed but not finished');

    const ok = await fileDraft({ ...draft, reasonTags: ['other-model'] });
    expect(ok.ok).toBe(true);
    expect((await draftsItem.read()).value).toEqual([]);
    expect((await correctionsItem.read()).value).toEqual([
      expect.objectContaining({ id: draft.id, status: 'filed' }),
    ]);
    const index = new DismissalIndex((await dismissalsItem.read()).value);
    expect(index.has(`${fields.pageUrl}#later`, fields.claimId, `  ${fields.sentence}\n`)).toBe(true);
    expect(index.has(fields.pageUrl, 'another-claim', fields.sentence)).toBe(false);
  });

  it('export marks filed corrections exported, and importing the file into an empty profile restores them exactly', async () => {
    await fileDraft({
      ...newDraft({ kind: 'wrong-tier', ...fields }),
      proposedTier: 'contradicted',
      evidenceUrl: 'https://e.test/',
      reasonTags: ['new-evidence'],
    });
    const file = await exportCorrections();
    const stored = (await correctionsItem.read()).value;
    expect(stored.map((c) => c.status)).toEqual(['exported']);
    fakeBrowser.reset();
    const parsed = parseExportFile(serializeExportFile(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importCorrections(parsed.corrections)).toEqual({ added: 1, alreadyPresent: 0 });
    expect((await correctionsItem.read()).value).toEqual(stored);
    expect(await importCorrections(parsed.corrections)).toEqual({ added: 0, alreadyPresent: 1 });
  });

  it('dismissals ignore the #fragment and can be undone', async () => {
    expect(pageKey('https://a.test/x?y=1#z')).toBe('https://a.test/x?y=1');
    await dismiss({ pageUrl: 'https://a.test/x#top', claimId: 'c', sentence: 'S  one' });
    await dismiss({ pageUrl: 'https://a.test/x', claimId: 'c', sentence: 'S one' });
    expect((await dismissalsItem.read()).value).toHaveLength(1);
    await undismiss({ pageUrl: 'https://a.test/x#other', claimId: 'c', sentence: 'S one' });
    expect((await dismissalsItem.read()).value).toEqual([]);
  });
});

describe('site rules', () => {
  it('accepts hostnames and pasted addresses, rejects the rest', () => {
    expect(normalizeHost(' News.Example.com ')).toBe('news.example.com');
    expect(normalizeHost('https://news.example.com/2026/04/v4?x#y')).toBe('news.example.com');
    expect(normalizeHost('news.example.com/path')).toBe('news.example.com');
    expect(normalizeHost('not a host')).toBeUndefined();
    expect(normalizeHost('')).toBeUndefined();
  });
});
