import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { SettingsSchema } from '../../src/core/settings/schema';
import { writeAdoptedPack } from '../../src/platform/adopted-pack';
import {
  DISMISSALS,
  readPlain,
  SETTINGS,
  watchAdoptedPack,
  watchPlain,
} from '../../src/platform/plain-storage';
import { settingsItem } from '../../src/platform/settings-item';

/**
 * The article page's reads of storage, straight on storage.local, against what the zod items (WXT's
 * storage) write: the same layout, or the page would read defaults while the options page shows changes.
 */
beforeEach(() => {
  fakeBrowser.reset();
});

const paused = { ...SettingsSchema.parse({}), paused: true, tiers: ['confirmed' as const] };

describe('readPlain', () => {
  it('reads what the settings item wrote, and the defaults when nothing is stored', async () => {
    expect(await readPlain(SETTINGS)).toEqual(SettingsSchema.parse({}));
    await settingsItem.write(paused);
    expect(await readPlain(SETTINGS)).toEqual(paused);
    expect(await readPlain(DISMISSALS)).toEqual([]);
  });

  it('is not sure of a value of another version or one its check refuses: the zod item decides', async () => {
    await storage.setItem('local:settings', paused);
    await storage.setMeta('local:settings', { v: 1 });
    expect(await readPlain(SETTINGS)).toBeUndefined();
    await storage.setMeta('local:settings', { v: 2 });
    expect(await readPlain(SETTINGS)).toEqual(paused);
    await storage.setItem('local:settings', { tiers: 'all of them' });
    expect(await readPlain(SETTINGS)).toBeUndefined();
  });
});

describe('watchPlain', () => {
  it('hears each change once, not a write of the same value, and nothing after unwatching', async () => {
    const heard: unknown[] = [];
    const unsure: unknown[] = [];
    const unwatch = watchPlain(
      SETTINGS,
      (value) => heard.push(value.paused),
      (raw) => unsure.push(raw),
    );
    const unwatchPack = watchAdoptedPack((pack) => heard.push(pack?.version ?? 'no pack'));
    await settingsItem.write(paused);
    await settingsItem.write(paused);
    await storage.setItem('local:settings', { tiers: 'all of them' });
    await writeAdoptedPack({
      id: 'claim-lens-v4',
      version: '2026.11.30',
      asOf: '2026-11-30',
      json: '{}',
      adoptedAt: '2026-12-01T00:00:00.000Z',
    });
    await storage.removeItem('local:settings');
    expect(heard).toEqual([true, '2026.11.30', false]);
    expect(unsure).toEqual([{ tiers: 'all of them' }]);
    unwatch();
    unwatchPack();
    await settingsItem.write(paused);
    expect(heard).toHaveLength(3);
  });

  it('keeps other watchers hearing when one throws or when a stop is called twice', async () => {
    const heard: string[] = [];
    const stopFirst = watchPlain(
      SETTINGS,
      () => {
        throw new Error('a broken watcher');
      },
      () => undefined,
    );
    stopFirst();
    const stopSecond = watchPlain(
      SETTINGS,
      () => heard.push('second'),
      () => undefined,
    );
    const stopThrowing = watchPlain(
      SETTINGS,
      () => {
        throw new Error('a broken watcher');
      },
      () => undefined,
    );
    const stopDismissals = watchPlain(
      DISMISSALS,
      () => heard.push('dismissals'),
      () => undefined,
    );
    // A stop called again must not take the key (or the listener) from the watchers that came after it.
    stopFirst();
    await settingsItem.write(paused);
    await storage.setItem('local:dismissals', []);
    expect(heard).toEqual(['second', 'dismissals']);
    for (const stop of [stopSecond, stopThrowing, stopDismissals]) stop();
  });
});
