import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { TIER_IDS } from '../src/core/pack/schema';
import { BUILT_EXTENSION, extensionWorker, launchChromium, ROOT, serveFixtures } from './lib/browser';
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
    '[demo] Chromium is open: hover a highlight to see its card, or press Alt+Shift+N for the next claim; close the window to stop.',
  );
  await new Promise<void>((done) => context.on('close', () => done()));
  process.exit(0);
}

// What is labeled, read as a reader's tools would: the CSS.highlights entries we paint, the sentences the
// page reports to the popup, and the toolbar badge. All three give one count: highlighted sentences.
await page.waitForFunction(
  () =>
    [...CSS.highlights.keys()].some((name) => name.startsWith('claim-lens-') && name !== 'claim-lens-active'),
  undefined,
  { timeout: 15_000 },
);
await page.waitForTimeout(1500);
const worker = await extensionWorker(context);
const report = await worker.evaluate(async (wanted: string) => {
  // biome-ignore lint/suspicious/noExplicitAny: chrome.* is untyped here.
  const chrome = (globalThis as any).chrome;
  // Without the tabs permission a tab cannot be found by URL: ask each one, as the popup would.
  for (const tab of await chrome.tabs.query({})) {
    const answer = await chrome.tabs
      .sendMessage(
        tab.id,
        { id: 1, type: 'getFindings', data: undefined, timestamp: Date.now() },
        { frameId: 0 },
      )
      .catch(() => undefined);
    if (answer?.res?.url !== wanted) continue;
    const badge = await chrome.action.getBadgeText({ tabId: tab.id });
    return { findings: answer.res.findings ?? [], badge };
  }
  return { findings: [], badge: '' };
}, url);
const tiers: string[] = report.findings.map((f: { claims: { tier: string }[] }) => f.claims[0]!.tier);
const counts = TIER_IDS.map((tier) => `${tier} ${tiers.filter((t) => t === tier).length}`).join(' · ');
console.log(
  `[demo] ${tiers.length} highlighted sentences on "${await page.title()}" (badge: ${report.badge}): ${counts}`,
);

// Open the card of the first contradicted sentence by hovering its words: scroll it into view, let the
// page settle (its header reacts to scrolling and moves the text), then point at the middle of its widest
// line, as a reader would.
const firstContradicted = () => {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('claim-lens-contradicted')) continue;
    for (const range of highlight) {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      if (live.getClientRects().length > 0) return live;
    }
  }
  return null;
};
await page.evaluate(
  `(${firstContradicted})()?.startContainer.parentElement?.scrollIntoView({ block: 'center' })`,
);
await page.waitForTimeout(800);
const point = (await page.evaluate(`(() => {
  const range = (${firstContradicted})();
  const rect = range && [...range.getClientRects()].sort((a, b) => b.width - a.width)[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
})()`)) as { x: number; y: number } | null;
let cardOpen = false;
if (point) {
  await page.mouse.move(point.x, point.y);
  cardOpen = await page
    .locator('[data-claim-lens="card"] .card')
    .waitFor({ state: 'visible', timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  // Let the card finish fading in.
  await page.waitForTimeout(600);
}
mkdirSync(OUT, { recursive: true });
const shot = resolve(OUT, 'claim-lens-demo.png');
await page.screenshot({ path: shot });
console.log(
  `[demo] No display found, so Chromium ran headless. Screenshot ${cardOpen ? 'with a card open' : 'WITHOUT a card: hovering a highlight opened none within 5 s'}: ${shot}`,
);
await context.close();
