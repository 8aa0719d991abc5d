import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_BASE_ARGS, findChromium } from '../../scripts/lib/chromium';
import { validatedPack } from '../../scripts/lib/pack-signing';
import type { ClaimPack, Tier } from '../../src/core/pack/schema';
import { bytesToBase64, signPackText } from '../../src/core/pack/signature';
import { countByTier, labelPoint, readPageLabels } from '../e2e-firefox/labels';
import { openArticle, openPopup, type SW, storageGet } from './extension-pages';
import { type ExtensionSession, PAGES_DIR, ROOT, SITE } from './harness';

/**
 * Signed pack updates in the built extension. A test-only build (its own outDir, so .output/chrome-mv3 is
 * untouched) points WXT_PACK_UPDATE_URL at a local server and carries a throwaway public key made for
 * this run. Options' "Check now" runs the same check the alarm runs.
 */

const OUT_DIR = resolve(ROOT, '.output/e2e-pack-update');
const EXTENSION = resolve(OUT_DIR, 'chrome-mv3');
const PACK_PATH = '/claim-pack.signed.json';

const bundled: ClaimPack = validatedPack();
const NEWER = bundled.version.replace(/^(\d+)/, (major) => String(Number(major) + 1));

/** What the server answers next; `hang` never answers (the timeout case). */
let answer: { body?: string; hang?: boolean } = { hang: true };
let server: Server;
let privateKey: CryptoKey;
let context: BrowserContext;
const session = {} as ExtensionSession;

function buildTestExtension(url: string, publicKey: string): void {
  const script = `import { build } from 'wxt'; await build({ outDir: ${JSON.stringify(OUT_DIR)} });`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      WXT_PACK_UPDATE_URL: url,
      WXT_PACK_PUBLIC_KEY: publicKey,
      WXT_PACK_UPDATE_TIMEOUT_MS: '1500',
    },
  });
  if (result.status !== 0) throw new Error(`test build failed:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  privateKey = pair.privateKey;
  server = createServer((req, res) => {
    if (req.url !== PACK_PATH || answer.hang || answer.body === undefined) return;
    res
      .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
      .end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PACK_PATH}`;
  buildTestExtension(url, bytesToBase64(await crypto.subtle.exportKey('raw', pair.publicKey)));

  context = await chromium.launchPersistentContext('', {
    executablePath: findChromium({ install: false }),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      ...CHROMIUM_BASE_ARGS,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  await context.route(`${SITE}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    const path = resolve(PAGES_DIR, name);
    if (!/^[\w-]+\.html$/.test(name) || !existsSync(path)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(path) });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  Object.assign(session, {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    close: () => context.close(),
  });
}, 150_000);

afterAll(async () => {
  await context?.close();
  server?.closeAllConnections();
  server?.close();
});

const signed = async (pack: object) => JSON.stringify(await signPackText(JSON.stringify(pack), privateKey));

async function labelsOf(page: Page) {
  let previous = '';
  for (let i = 0; i < 40; i++) {
    const labels = await page.evaluate(readPageLabels);
    const now = JSON.stringify(labels);
    if (labels.length > 0 && now === previous) return labels;
    previous = now;
    await page.waitForTimeout(300);
  }
  return page.evaluate(readPageLabels);
}

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('#pack-updates-heading').waitFor();
  return page;
}

/** Presses "Check now" and waits for the status line to say `expected`. */
async function checkNow(options: Page, expected: RegExp): Promise<void> {
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect
    .poll(() => options.locator('.pack-last-check').textContent(), { timeout: 10_000 })
    .toMatch(expected);
}

const alarm = () =>
  session.worker.evaluate(() => (globalThis as unknown as SW).chrome.alarms.get('claim-lens-pack-update'));

describe('signed claim-pack updates', () => {
  let article: Page;
  let tabId: number;
  /** The newer pack turns every claim of one tier shown on the page into another tier. */
  let from: Tier;
  const to: Tier = 'confirmed';

  beforeAll(async () => {
    ({ page: article, tabId } = await openArticle(session, 'seed-004.html'));
    const shown = countByTier(await labelsOf(article));
    from = (Object.keys(shown) as Tier[]).filter((t) => t !== to).sort((a, b) => shown[b]! - shown[a]!)[0]!;
    expect(from, 'seed-004 shows a tier besides confirmed').toBeDefined();
  });

  it('asks for `alarms` only in a build with an update URL, and schedules a periodic check', async () => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toContain('alarms');
    expect(manifest.host_permissions ?? []).toEqual([]);
    const standard = resolve(ROOT, '.output/chrome-mv3/manifest.json');
    if (existsSync(standard))
      expect(JSON.parse(readFileSync(standard, 'utf8')).permissions).not.toContain('alarms');
    await expect.poll(alarm).toMatchObject({ periodInMinutes: 720 });
  });

  const refusals: [string, () => Promise<typeof answer>, RegExp][] = [
    [
      'a tampered pack',
      async () => {
        const envelope = JSON.parse(await signed({ ...bundled, version: NEWER }));
        envelope.pack = envelope.pack.replaceAll(`"tier":"${from}"`, `"tier":"${to}"`);
        return { body: JSON.stringify(envelope) };
      },
      /not signed by the Claim Lens maintainers/,
    ],
    ['an older pack', async () => ({ body: await signed({ ...bundled, version: '0.0.1' }) }), /up to date/],
    [
      'a partial download',
      async () => {
        const whole = await signed({ ...bundled, version: NEWER });
        return { body: whole.slice(0, whole.length / 2) };
      },
      /incomplete or damaged/,
    ],
    ['a server that never answers', async () => ({ hang: true }), /took too long/],
  ];

  for (const [name, serve, reason] of refusals) {
    it(`refuses ${name}: the reason is shown, the labels and the pack stay`, async () => {
      const before = countByTier(await labelsOf(article));
      answer = await serve();
      const options = await openOptions();
      await checkNow(options, reason);
      expect(await options.locator('.pack-in-use').textContent()).toContain(`v${bundled.version}`);
      expect(await storageGet(session, 'adoptedPack')).toBeUndefined();
      await article.waitForTimeout(600);
      expect(countByTier(await labelsOf(article))).toEqual(before);
      await options.close();
    });
  }

  it('adopts a newer signed pack: labels on the open tab change, popup and options show the new version', async () => {
    const claims = bundled.claims.map((c) =>
      c.tier === from
        ? {
            ...c,
            tier: to,
            history: [...c.history, { tier: to, since: bundled.asOf, note: 'Changed for this test.' }],
          }
        : c,
    );
    const before = countByTier(await labelsOf(article));
    answer = { body: await signed({ ...bundled, version: NEWER, claims }) };
    const options = await openOptions();
    await checkNow(options, new RegExp(`updated the claim data to v${NEWER.replaceAll('.', '\\.')}`));
    await expect.poll(() => options.locator('.pack-in-use').textContent()).toContain(`v${NEWER}`);

    // The open tab relabels without a reload: no label of the old tier is left, and more are confirmed.
    await expect
      .poll(async () => countByTier(await article.evaluate(readPageLabels))[from], { timeout: 10_000 })
      .toBeUndefined();
    const after = countByTier(await labelsOf(article));
    expect(after[to] ?? 0).toBeGreaterThan(before[to] ?? 0);
    // The card states the claim data it was labeled with.
    const point = await article.evaluate(labelPoint, 0);
    await article.mouse.move(point!.x, point!.y);
    const card = article.locator('[data-claim-lens="card"] .card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain(`Claim pack v${NEWER}`);
    await article.mouse.move(2, 2);
    const popup = await openPopup(session, tabId);
    expect(await popup.locator('.popup-footer').textContent()).toContain(`v${NEWER}`);
    await popup.close();
    await options.close();
  });

  it('turning updates off clears the alarm; on again restores it', async () => {
    const options = await openOptions();
    const toggle = options.getByRole('switch', { name: 'Check for updated claim data' });
    await toggle.click();
    await expect.poll(alarm).toBeUndefined();
    await toggle.click();
    await expect.poll(alarm).toMatchObject({ periodInMinutes: 720 });
    await options.close();
  });
});
