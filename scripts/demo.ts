import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { TIER_IDS } from '../src/core/pack/schema';
import { BUILT_EXTENSION, launchChromium, ROOT, serveFixtures } from './lib/browser';
import { chromiumVersion, findChromium } from './lib/chromium';

/**
 * `npm run demo`: builds the extension and opens Chromium with Claim Lens loaded on the bundled demo
 * article (answered locally, like every fixture page). With a display it opens a window to explore;
 * without one it runs headless, prints what was found per tier and saves a screenshot with a card open.
 */
const DEMO_PAGE = 'seed-004.html';
const SITE = 'https://demo.claim-lens.test';
const OUT = resolve(ROOT, 'demo-out');
const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');

console.log('[demo] Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`[demo] ${chromiumVersion(findChromium({ install: true }))}`);

const context = await launchChromium({ extensionDir: BUILT_EXTENSION, headed, install: true });
await serveFixtures(context, { sites: SITE });
const url = `${SITE}/${DEMO_PAGE}`;
console.log(`[demo] Opening the demo article at ${url} (answered from tests/fixtures/pages)`);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (headed) {
  console.log(
    '[demo] Chromium is open: hover or Tab to a highlight to see its card; close the window to stop.',
  );
  await new Promise<void>((done) => context.on('close', () => done()));
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
