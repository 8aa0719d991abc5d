import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveFixtures } from '../../scripts/lib/browser';
import { corpusDir, type Gold, shownMatches } from '../../scripts/lib/corpus-eval';
import { compileMatcher } from '../../src/core/match/matcher';
import { ROOT, realPack, squash } from '../support/pages';
import { settle, useExtensionSession } from './harness';
import { findingsOn } from './highlights';

/**
 * `npm run eval` scores the matcher in Node; this proves the built extension labels the same sentences in
 * Chromium, on a sample of the development corpus (pre- and post-release articles, a table-heavy pricing
 * page and hard negatives), so the corpus figures are the product's figures.
 */
const CORPUS = 'https://corpus.example.test';
const DIR = corpusDir(ROOT);
const SAMPLE = [
  'pre-hackermouse-v4-leak',
  'pre-pymnts-ft-multimodal-two-sessions',
  'post-dailyscout-v4-previews-1-6t',
  'post-devto-v4-api-pricing',
  'post-webscraft-deepseek-chat-migration',
  'neg-a-kimi-k2-trillion-ctol',
  'neg-b-qwen-3-6-1m-context-deep-dive',
];

const session = useExtensionSession((s) => serveFixtures(s.context, { sites: CORPUS, dir: DIR }));
const matcher = compileMatcher(realPack());

/** The background's end-to-end hooks (entrypoints/background.ts). */
interface BackgroundHooks {
  matchedArticles(): number;
  refuseMatching(refuse: boolean): void;
}
// Serialised into the service worker, so each names the global itself.
const answeredByBackground = () =>
  session.worker.evaluate(() =>
    (globalThis as unknown as { claimLensTest: BackgroundHooks }).claimLensTest.matchedArticles(),
  );
const refuseMatching = (refuse: boolean) =>
  session.worker.evaluate(
    (r) => (globalThis as unknown as { claimLensTest: BackgroundHooks }).claimLensTest.refuseMatching(r),
    refuse,
  );

describe('the built extension labels what npm run eval scores', () => {
  it.each(SAMPLE)('%s', async (slug) => {
    const gold = JSON.parse(readFileSync(resolve(DIR, `${slug}.json`), 'utf8')) as Gold;
    const html = readFileSync(resolve(DIR, `${slug}.html`), 'utf8');
    const expected = shownMatches(matcher, html, gold.url).map((m) => squash(m.text));
    const page = await session.context.newPage();
    await page.goto(`${CORPUS}/${slug}.html`);
    await settle(page, expected.length > 0 ? 2500 : 1500);
    const answer = await findingsOn(page);
    const labeled = (answer?.findings ?? []).map((f) => squash(f.text));
    expect(labeled.sort()).toEqual(expected.sort());
    if (gold.phase === 'negative') expect(labeled).toEqual([]);
    else expect(labeled.length).toBeGreaterThan(0);
    await page.close();
  });

  it('labels the same when the background cannot answer: the page matches by itself', async () => {
    const slug = SAMPLE[0]!;
    const gold = JSON.parse(readFileSync(resolve(DIR, `${slug}.json`), 'utf8')) as Gold;
    const html = readFileSync(resolve(DIR, `${slug}.html`), 'utf8');
    const expected = shownMatches(matcher, html, gold.url).map((m) => squash(m.text));
    const before = await answeredByBackground();
    await refuseMatching(true);
    try {
      const page = await session.context.newPage();
      await page.goto(`${CORPUS}/${slug}.html`);
      await settle(page, 4000);
      const labeled = ((await findingsOn(page))?.findings ?? []).map((f) => squash(f.text));
      expect(labeled.sort()).toEqual(expected.sort());
      expect(await answeredByBackground()).toBe(before);
      await page.close();
    } finally {
      await refuseMatching(false);
    }
  });

  it("matched them in the extension's background, not on the pages", async () => {
    expect(await answeredByBackground()).toBeGreaterThanOrEqual(SAMPLE.length - 2);
  });
});
