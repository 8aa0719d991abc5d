import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_PAGES, realPack, SEED_PAGES, seedSentences } from '../support/pages';
import { storageRemove, storageSet } from './extension-pages';
import { highlightsOn, ROOT, SITE, settle, useExtensionSession, waitForHighlights } from './harness';

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
      expect(recalled.length / expectedIds.size).toBeGreaterThanOrEqual(0.9);
      for (const h of highlights) {
        expect(h.tier).toBe(tierOf(h.claimId));
        expect(h.claimIds).toContain(h.claimId);
      }
      // Only the article is read: nothing in the page chrome (nav, aside, footer) is marked.
      const outside = await page
        .locator('nav claim-lens-mark, aside claim-lens-mark, footer claim-lens-mark')
        .count();
      expect(outside).toBe(0);
      await page.close();
    },
  );

  it('wraps text split across tags and never touches <html> or <body> attributes', async () => {
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
    const mark = page.locator('claim-lens-mark[data-claim-tier="contradicted"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = page.locator('claim-lens-card .card');
    await card.waitFor({ state: 'visible' });
    const text = await card.textContent();
    expect(text).toContain('Contradicted');
    expect(text).toMatch(/How it changed/i);
    expect(text).toMatch(/Original source/i);
    expect(text).toMatch(/% match/);
    expect(text).toContain(`v${realPack().version}`);
    expect(text).toContain(realPack().asOf);
    // The card never covers the words it describes.
    const [markBox, cardBox] = await Promise.all([mark.boundingBox(), card.boundingBox()]);
    const overlap =
      markBox!.x < cardBox!.x + cardBox!.width &&
      cardBox!.x < markBox!.x + markBox!.width &&
      markBox!.y < cardBox!.y + cardBox!.height &&
      cardBox!.y < markBox!.y + markBox!.height;
    expect(overlap).toBe(false);
    await page.screenshot({ path: resolve(SHOTS, 'card-hover.png') });
    await page.close();
  });

  it('opens on keyboard focus, and Escape closes it and keeps focus on the highlight', async () => {
    const page = await open('seed-004.html');
    await waitForHighlights(page);
    let focusedMark = false;
    for (let i = 0; i < 60 && !focusedMark; i++) {
      await page.keyboard.press('Tab');
      focusedMark = await page.evaluate(
        () => document.activeElement?.tagName.toLowerCase() === 'claim-lens-mark',
      );
    }
    expect(focusedMark).toBe(true);
    const card = page.locator('claim-lens-card .card');
    await card.waitFor({ state: 'visible' });
    const description = await page.evaluate(() => document.activeElement?.getAttribute('aria-description'));
    expect(description).toMatch(/Claim Lens: (Confirmed|Reported|Speculative|Rumor|Contradicted)/);
    await page.screenshot({ path: resolve(SHOTS, 'card-keyboard.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('claim-lens-mark');
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
      () => document.querySelectorAll('#claim-lens-mark-styles, claim-lens-card, claim-lens-mark').length,
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
    await expect.poll(() => page.locator('claim-lens-mark').count(), { timeout: 5000 }).toBe(0);
    await page.click('a[href="/spa/a"]');
    await expect.poll(() => page.locator('claim-lens-mark').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('polite to the page', () => {
  it('page CSS cannot restyle highlights, and labeling shifts no layout', async () => {
    const page = await open('seed-000.html');
    await waitForHighlights(page);
    // The fixture has `span, mark { background: yellow !important }`; our custom element is untouched by it.
    const background = await page
      .locator('claim-lens-mark[data-claim-tier="contradicted"]')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 0)');
    expect(background).toMatch(/^rgba\(214, 66, 74/);

    const layout = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('article p, article li, article h2')).map((el) => {
          const r = el.getBoundingClientRect();
          return `${Math.round(r.top + scrollY)}:${Math.round(r.height)}:${Math.round(r.width)}`;
        }),
      );
    const labeled = await layout();
    // Turning labels off for this site removes every highlight; the layout must be the same as with them.
    await storageSet(session, { settings: { v: 1, data: { sites: { 'news.example.test': 'never' } } } });
    await expect.poll(() => page.locator('claim-lens-mark').count(), { timeout: 5000 }).toBe(0);
    expect(await layout()).toEqual(labeled);
    await storageRemove(session, ['settings']);
    await page.close();
  });

  it('removes everything when the extension is reloaded or removed', async () => {
    const page = await open('seed-004.html');
    await waitForHighlights(page);
    await page.locator('claim-lens-mark').first().hover();
    await page.locator('claim-lens-card .card').waitFor({ state: 'visible' });
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
              document.querySelectorAll('claim-lens-mark, claim-lens-card, #claim-lens-mark-styles').length,
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
    // The page's text is whole again: no split text nodes left behind.
    const text = await page.evaluate(() => document.querySelector('article')?.textContent ?? '');
    expect(text).toContain('Reports claim that DeepSeek V4 uses a');
    await page.close();
  });
});
