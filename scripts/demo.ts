import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { TIER_IDS } from '../src/core/pack/schema';
import { CHROMIUM_BASE_ARGS, chromiumVersion, findChromium } from './lib/chromium';

/**
 * `npm run demo`: builds the extension, serves the bundled demo article on localhost and opens Chromium
 * with Claim Lens loaded. With a display it opens a window to explore; without one it runs headless,
 * prints what was found per tier and saves a screenshot with a card open.
 */
const ROOT = resolve(import.meta.dirname, '..');
const PAGES = resolve(ROOT, 'tests/fixtures/pages');
const DEMO_PAGE = 'seed-004.html';
const EXTENSION = resolve(ROOT, '.output/chrome-mv3');
const OUT = resolve(ROOT, 'demo-out');
const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');

console.log('[demo] Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const executablePath = findChromium({ install: true });
console.log(`[demo] ${chromiumVersion(executablePath)}`);

const server = createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\//, '') || DEMO_PAGE;
  const file = resolve(PAGES, name);
  if (!/^[\w-]+\.html$/.test(name) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${DEMO_PAGE}`;
console.log(`[demo] Serving the demo article at ${url}`);

const context = await chromium.launchPersistentContext('', {
  executablePath,
  headless: !headed,
  viewport: headed ? null : { width: 1280, height: 900 },
  args: [
    ...(headed ? [] : ['--headless=new']),
    ...CHROMIUM_BASE_ARGS,
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (headed) {
  console.log(
    '[demo] Chromium is open: hover or Tab to a highlight to see its card; close the window to stop.',
  );
  await new Promise<void>((done) => context.on('close', () => done()));
  server.close();
  process.exit(0);
}

await page.locator('claim-lens-mark').first().waitFor({ timeout: 15_000 });
await page.waitForTimeout(800);
const tiers = await page.evaluate(() =>
  Array.from(document.querySelectorAll('claim-lens-mark[tabindex]')).map((el) =>
    el.getAttribute('data-claim-tier'),
  ),
);
const counts = TIER_IDS.map((tier) => `${tier} ${tiers.filter((t) => t === tier).length}`).join(' · ');
console.log(`[demo] ${tiers.length} labeled sentences on "${await page.title()}": ${counts}`);

const mark = page.locator('claim-lens-mark[data-claim-tier="contradicted"]').first();
await mark.scrollIntoViewIfNeeded();
await page.mouse.wheel(0, -120);
await mark.hover();
await page.locator('claim-lens-card .card').waitFor({ state: 'visible' });
mkdirSync(OUT, { recursive: true });
const shot = resolve(OUT, 'claim-lens-demo.png');
await page.screenshot({ path: shot });
console.log(`[demo] No display found, so Chromium ran headless. Screenshot with a card open: ${shot}`);
await context.close();
server.close();
