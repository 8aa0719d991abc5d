import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_PAGES, realPack, SEED_PAGES, seedSentences } from '../support/pages';
import { openArticle, storageRemove, storageSet } from './extension-pages';
import { highlightsOn, ROOT, SITE, settle, useExtensionSession, waitForHighlights } from './harness';
import { CARD, highlightPoint, hoverHighlight, paintedCount, paintedRanges } from './highlights';

const SHOTS = resolve(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

const session = useExtensionSession();

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${SITE}/${path}`);
  return page;
}

const tierOf = (id: string) => realPack().claims.find((c) => c.id === id)?.tier;

describe('seed articles get labeled', () => {
  it.each(Object.entries(SEED_PAGES))(
    '%s: highlights carry the listed claims with their tiers',
    async (seed, file) => {
      const page = await open(file);
      const highlights = await waitForHighlights(page);
      const expectedIds = new Set(
        seedSentences()
          .filter((s) => s.seed === seed)
          .flatMap((s) => s.claimIds),
      );
      const found = new Set(highlights.flatMap((h) => h.claimIds));
      const recalled = [...expectedIds].filter((id) => found.has(id));
      // The seeds are training data; quality is held per sentence by the unit and corpus floors. Here the
      // built extension must label most of what each seed states (background sentences about earlier
      // models that name none are no longer read as V4 or company claims).
      expect(recalled.length / expectedIds.size).toBeGreaterThanOrEqual(0.85);
      for (const h of highlights) {
        expect(h.tier).toBe(tierOf(h.claimId));
        expect(h.claimIds).toContain(h.claimId);
      }
      // Only the article is read: nothing in the page chrome (nav, aside, footer) is painted.
      const outside = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        return [...registry.values()]
          .flatMap((h) => [...h])
          .filter((r) => r.startContainer.parentElement?.closest('nav, aside, footer')).length;
      });
      expect(outside).toBe(0);
      await page.close();
    },
  );

  it('paints text split across tags and never touches <html> or <body> attributes', async () => {
    const page = await open('seed-000.html');
    const before = await page.evaluate(() => [
      document.documentElement.attributes.length,
      document.body.attributes.length,
    ]);
    const highlights = await waitForHighlights(page);
    const trillion = highlights.find((h) => h.text.includes('one trillion'));
    expect(trillion?.text).toContain('DeepSeek V4 could reach around one trillion parameters');
    expect(trillion?.tier).toBe('contradicted');
    const after = await page.evaluate(() => [
      document.documentElement.attributes.length,
      document.body.attributes.length,
    ]);
    expect(after).toEqual(before);
    await page.close();
  });
});

describe('the card', () => {
  it('opens on hover with the tier, history, source, match strength and data date', async () => {
    const page = await open('seed-000.html');
    await waitForHighlights(page);
    await hoverHighlight(page, { tier: 'contradicted' });
    const point = (await highlightPoint(page, { tier: 'contradicted' }))!;
    const card = page.locator(CARD);
    const text = await card.textContent();
    expect(text).toContain('Contradicted');
    expect(text).toMatch(/How it changed/i);
    expect(text).toMatch(/First claimed|Original source/i);
    expect(text).toMatch(/% match/);
    expect(text).toContain(`v${realPack().version}`);
    expect(text).toMatch(/data as of/i);
    // The card never covers the words it describes.
    const cardBox = (await card.boundingBox())!;
    const inside =
      point.x >= cardBox.x &&
      point.x <= cardBox.x + cardBox.width &&
      point.y >= cardBox.y &&
      point.y <= cardBox.y + cardBox.height;
    expect(inside).toBe(false);
    // The sentence whose card is open is marked as such.
    expect(await page.evaluate(() => CSS.highlights.has('claim-lens-active'))).toBe(true);
    await page.screenshot({ path: resolve(SHOTS, 'card-hover.png') });
    await page.close();
  });

  it('opens only for a pointer that rests: one passing over a sentence opens nothing', async () => {
    const page = await open('seed-000.html');
    await waitForHighlights(page);
    const point = (await highlightPoint(page, { tier: 'contradicted' }))!;
    // Across the sentence and off it again well within the open delay, as a pointer on its way elsewhere.
    await page.mouse.move(point.x, point.y);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(600);
    expect(await page.locator(CARD).isVisible()).toBe(false);
    // Resting on it opens the card as before.
    await hoverHighlight(page, { tier: 'contradicted' });
    expect(await page.locator(CARD).isVisible()).toBe(true);
    await page.close();
  });

  it('adds no tab stops; the shortcut opens the next claim with focus, Escape gives focus back', async () => {
    const { page, tabId } = await openArticle(session, 'seed-004.html');
    await waitForHighlights(page);
    // Highlights are not elements: Tab never lands on one.
    const stops = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      stops.add(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? ''));
    }
    expect([...stops].some((tag) => tag.startsWith('claim-lens'))).toBe(false);
    await page.evaluate(() =>
      (document.querySelector('a, button, [tabindex]') as HTMLElement | null)?.focus(),
    );
    const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60));
    // The keyboard shortcut (commands API) goes through the background, as Alt+Shift+N does.
    const moved = await session.worker.evaluate(
      (id: number) =>
        (
          globalThis as unknown as {
            claimLensTest: { onClaimShortcut(c: string, t: object): Promise<boolean> };
          }
        ).claimLensTest.onClaimShortcut('next-claim', { id }),
      tabId,
    );
    expect(moved).toBe(true);
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-claim-lens')))
      .toBe('card');
    // Focus is inside the card, which announces itself as a dialog.
    expect(
      await page.evaluate(() =>
        Boolean(
          document
            .querySelector('[data-claim-lens="card"]')
            ?.shadowRoot?.activeElement?.closest('[role="dialog"]'),
        ),
      ),
    ).toBe(true);
    await page.screenshot({ path: resolve(SHOTS, 'card-keyboard.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))).toBe(before);
    await page.close();
  });
});

describe('when a page is read', () => {
  it('an article whose title names DeepSeek is labeled at load, before anyone touches the page', async () => {
    const page = await open('seed-000.html');
    const highlights = await waitForHighlights(page, { reader: false });
    expect(highlights.length).toBeGreaterThan(10);
    await page.close();
  });

  it('an article whose title does not name DeepSeek is read once a reader is on the page', async () => {
    // seed-003's title is the site's section ("Technology | The Daily Ledger"); DeepSeek is in the text.
    const page = await open('seed-003.html');
    await settle(page, 1500, { reader: false });
    expect(await paintedCount(page)).toBe(0);
    const highlights = await waitForHighlights(page);
    expect(highlights.length).toBeGreaterThan(10);
    await page.close();
  });
});

describe('pages without V4 claims', () => {
  it.each(NEGATIVE_PAGES)('%s gets no highlight', async (file) => {
    const page = await open(file);
    await settle(page, 1500);
    expect(await highlightsOn(page)).toEqual([]);
    await page.close();
  });

  it('a page that never mentions DeepSeek is left untouched', async () => {
    const page = await open('neg-none.html');
    await settle(page);
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll('[data-claim-lens]').length +
        [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].length,
    );
    expect(injected).toBe(0);
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('labels an article body that arrives late, and the page’s own scripts keep working', async () => {
    const page = await open('late-body.html');
    const highlights = await waitForHighlights(page, { timeout: 15_000 });
    expect(highlights.length).toBeGreaterThan(0);
    expect(highlights.map((h) => h.text).join(' ')).toContain('trillion');
    await page.click('#counter');
    await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('2');
    expect(
      await page.evaluate(() => (window as unknown as { __pageErrors?: unknown[] }).__pageErrors ?? []),
    ).toEqual([]);
    await page.close();
  });

  it('removes highlights cleanly on client-side navigation', async () => {
    const page = await open('spa/a');
    const highlights = await waitForHighlights(page);
    expect(highlights.length).toBeGreaterThan(0);
    await page.click('a[href="/spa/b"]');
    await expect.poll(() => paintedCount(page), { timeout: 5000 }).toBe(0);
    await page.click('a[href="/spa/a"]');
    await expect.poll(() => paintedCount(page), { timeout: 5000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('polite to the page', () => {
  it('labeling shifts no layout, and turning labels off removes every highlight', async () => {
    const page = await open('seed-000.html');
    await waitForHighlights(page);
    // Painted in the contradicted tier's own highlight; the fixture's `span, mark { background: yellow
    // !important }` has nothing to hit, since no element of ours exists.
    expect((await paintedRanges(page)).some((r) => r.name === 'claim-lens-contradicted')).toBe(true);
    const layout = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('article p, article li, article h2')).map((el) => {
          const r = el.getBoundingClientRect();
          return `${Math.round(r.top + scrollY)}:${Math.round(r.height)}:${Math.round(r.width)}`;
        }),
      );
    const labeled = await layout();
    await storageSet(session, { settings: { sites: { 'news.example.test': 'never' } }, settings$: { v: 2 } });
    await expect.poll(() => paintedCount(page), { timeout: 5000 }).toBe(0);
    expect(await layout()).toEqual(labeled);
    await storageRemove(session, ['settings', 'settings$']);
    await page.close();
  });

  it('removes everything when the extension is reloaded or removed', async () => {
    const page = await open('seed-004.html');
    await waitForHighlights(page);
    await hoverHighlight(page);
    // Last test of the file: after this the session's worker is gone.
    await session.worker
      .evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
      )
      .catch(() => {
        // The worker goes away mid-call; that is the reload.
      });
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              document.querySelectorAll('[data-claim-lens]').length +
              [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].length,
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
    // The page's text is whole, as it always was.
    const text = await page.evaluate(() => document.querySelector('article')?.textContent ?? '');
    expect(text).toContain('Reports claim that DeepSeek V4 uses a');
    await page.close();
  });
});
