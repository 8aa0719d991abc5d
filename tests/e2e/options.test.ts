import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { realPack } from '../support/pages';
import {
  openArticle,
  openOptions,
  openPopup,
  runAxe,
  SHOTS,
  seriousOnly,
  storageGet,
  storageRemove,
  storageSet,
} from './extension-pages';
import { highlightsOn, paintedCount, useExtensionSession, waitForHighlights } from './harness';
import { paintedRanges } from './highlights';

const session = useExtensionSession();
beforeEach(async () => {
  const keys = ['settings', 'quarantine', 'corrections', 'dismissals', 'correctionDrafts'];
  // WXT storage keeps each item's version under `<key>$`.
  await storageRemove(session, [...keys, ...keys.map((k) => `${k}$`)]);
  for (const page of session.context.pages().slice(1)) await page.close();
});

const tierOf = (id: string) => realPack().claims.find((c) => c.id === id)!.tier;
const shownTiers = async (page: Parameters<typeof highlightsOn>[0]) =>
  new Set((await highlightsOn(page)).flatMap((h) => h.claimIds.map(tierOf)));

describe('options page', () => {
  it('tier, sensitivity and site changes reach an open tab without reloading it', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?o=live');
    const initial = await waitForHighlights(page);
    const bootId = await page.evaluate(() => performance.timeOrigin);
    const tier = tierOf(initial[0]!.claimId);
    const options = await openOptions(session);

    const tierBox = options.locator(`input[name="tiers"][value="${tier}"]`);
    await tierBox.uncheck();
    await expect.poll(async () => (await shownTiers(page)).has(tier)).toBe(false);
    await tierBox.check();
    await expect.poll(async () => (await shownTiers(page)).has(tier)).toBe(true);

    await options.getByLabel('Sensitivity: how closely a sentence must match a claim').fill('0.95');
    await expect
      .poll(async () => ((await storageGet(session, 'settings')) as { minStrength: number }).minStrength)
      .toBe(0.95);
    const popup = await openPopup(session, tabId);
    await expect
      .poll(async () => {
        const labels = await popup.locator('.strength').allTextContents();
        return labels.every((l) => Number(/(\d+)% match/.exec(l)?.[1]) >= 95);
      })
      .toBe(true);
    await options.getByLabel('Sensitivity: how closely a sentence must match a claim').fill('0.5');
    await expect.poll(async () => (await highlightsOn(page)).length).toBe(initial.length);

    await options.getByLabel('Site', { exact: true }).fill('https://news.example.test/some/article');
    await options.getByLabel('Rule').selectOption('never');
    await options.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => paintedCount(page)).toBe(0);
    expect(await options.locator('.site-rules').textContent()).toContain('news.example.test: never label');
    await options.getByRole('button', { name: 'Remove rule for news.example.test' }).click();
    await expect.poll(async () => (await highlightsOn(page)).length).toBe(initial.length);

    // Same document throughout: nothing was reloaded.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(bootId);
  });

  it('says where corrections go (nowhere to ask the reader), and rejects a malformed site inline', async () => {
    const options = await openOptions(session);
    // This build has no WXT_CORRECTIONS_REPO: the page says what Send does instead, and asks for nothing.
    expect(await options.locator('.destination').textContent()).toContain('Send copies a report');
    expect(await options.getByLabel('GitHub repository (owner/name)').count()).toBe(0);

    await options.getByLabel('Site', { exact: true }).fill('not a host');
    await options.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => options.locator('#site-error').textContent()).toContain('Enter a site such as');
  });

  it('“Make what matters stand out” is the default; “Mark every claim the same way” fills every highlight', async () => {
    const { page } = await openArticle(session, 'reader-pre-release.html?o=emphasis');
    await waitForHighlights(page);
    const names = () => paintedRanges(page).then((r) => r.map((x) => x.name));
    await expect.poll(async () => (await names()).some((n) => n.endsWith('-quiet'))).toBe(true);
    const options = await openOptions(session);
    expect(await options.getByRole('radio', { name: /Make what matters stand out/ }).isChecked()).toBe(true);
    await options.getByRole('radio', { name: /Mark every claim the same way/ }).check();
    await expect.poll(async () => (await names()).some((n) => n.endsWith('-quiet'))).toBe(false);
    expect((await names()).length).toBeGreaterThan(0);
  });

  it('settings export and import round-trip', async () => {
    await storageSet(session, {
      settings: {
        tiers: ['rumor', 'contradicted'],
        minStrength: 0.7,
        emphasis: 'every-tier',
        sites: { 'a.test': 'always' },
        paused: true,
      },
      settings$: { v: 2 },
    });
    const before = await storageGet(session, 'settings');
    const options = await openOptions(session);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download settings (JSON)' }).click(),
    ]);
    const path = resolve(SHOTS, 'exported-settings.json');
    await download.saveAs(path);
    await storageRemove(session, ['settings']);
    await options
      .getByLabel('Import corrections or settings from a Claim Lens JSON file')
      .setInputFiles(path);
    await expect.poll(() => options.locator('.import-report').textContent()).toContain('Settings applied.');
    expect(await storageGet(session, 'settings')).toEqual(before);
  });

  it('a corrupt stored value is set aside with a message, not dropped and not a crash', async () => {
    await storageSet(session, {
      settings: { tiers: 'everything', minStrength: 'high' },
      settings$: { v: 2 },
    });
    const options = await openOptions(session);
    await expect
      .poll(() => options.getByRole('alert').textContent())
      .toContain('A stored value (settings) was unreadable');
    // Defaults are in use, and the damaged value is kept and listed.
    expect(await options.locator('input[name="tiers"]:checked').count()).toBe(5);
    const setAside = options.locator('section', {
      has: options.getByRole('heading', { name: 'Set-aside data' }),
    });
    await setAside.waitFor();
    expect(await setAside.textContent()).toContain('local:settings');
    const quarantine = (await storageGet(session, 'quarantine')) as { key: string; raw: unknown }[];
    expect(quarantine).toEqual([
      expect.objectContaining({
        key: 'local:settings',
        raw: { tiers: 'everything', minStrength: 'high' },
      }),
    ]);
    await options.getByRole('button', { name: 'Delete set-aside data' }).click();
    await setAside.waitFor({ state: 'detached' });
  });

  it('has no serious accessibility violations (axe), in light and dark schemes', async () => {
    const options = await openOptions(session);
    await options.setViewportSize({ width: 900, height: 900 });
    const light = await runAxe(options);
    expect(seriousOnly(light), JSON.stringify(light, null, 2)).toEqual([]);
    await options.screenshot({ path: resolve(SHOTS, 'options.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    const dark = await runAxe(options);
    expect(seriousOnly(dark), JSON.stringify(dark, null, 2)).toEqual([]);
    await options.screenshot({ path: resolve(SHOTS, 'options-dark.png'), fullPage: true });
  });
});
