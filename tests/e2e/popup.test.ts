import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { realPack } from '../support/pages';
import {
  openArticle,
  openPopup,
  openTab,
  runAxe,
  SHOTS,
  type SW,
  seriousOnly,
  storageRemove,
} from './extension-pages';
import { paintedCount, settle, useExtensionSession, waitForHighlights } from './harness';
import { CARD } from './highlights';

const session = useExtensionSession();
beforeEach(async () => {
  await storageRemove(session, ['settings', 'dismissals', 'corrections', 'correctionDrafts']);
  for (const page of session.context.pages().slice(1)) await page.close();
});

const tierOf = (id: string) => realPack().claims.find((c) => c.id === id)!.tier;
const statementOf = (id: string) => realPack().claims.find((c) => c.id === id)!.statement;

describe('popup for an article tab', () => {
  it('lists every highlighted sentence once, with each claim it states: tier, claim and the page’s words', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?popup=summary');
    const highlights = await waitForHighlights(page);
    expect(highlights.length).toBeGreaterThan(0);

    const popup = await openPopup(session, tabId);
    await popup.locator('.summary').waitFor();
    expect(await popup.locator('.summary').textContent()).toBe(`${highlights.length} highlighted sentences`);
    const sentences = popup.locator('.findings > .sentence');
    expect(await sentences.count()).toBe(highlights.length);
    const shown = await sentences.evaluateAll((lis) =>
      lis.map((li) => ({
        words: li.querySelector('.finding-words')?.textContent ?? '',
        claims: Array.from(li.querySelectorAll('.finding')).map((f) => ({
          id: f.getAttribute('data-claim-id'),
          tier: f.querySelector('.tier')?.textContent,
          statement: f.querySelector('.finding-statement')?.textContent,
        })),
      })),
    );
    for (const h of highlights) {
      const sentence = shown.find((s) => s.words.includes(h.text.replace(/\s+/g, ' ').trim().slice(0, 30)));
      expect(sentence, `popup lists “${h.text.slice(0, 40)}”`).toBeDefined();
      expect(sentence!.claims.map((c) => c.id).sort()).toEqual([...h.claimIds].sort());
      for (const c of sentence!.claims) {
        // Tier as icon + word, never colour alone.
        expect(c.tier).toMatch(new RegExp(`${tierOf(c.id!)}$`, 'i'));
        expect(c.statement).toBe(statementOf(c.id!));
      }
    }
    // A tier chip narrows the list to sentences of that tier; pressing it again shows all.
    const chips = popup.locator('.tier-filter button');
    if ((await chips.count()) > 1) {
      const chip = chips.first();
      const count = Number(await chip.locator('.chip-count').textContent());
      await chip.click();
      expect(await chip.getAttribute('aria-pressed')).toBe('true');
      expect(await sentences.count()).toBe(count);
      await chip.click();
      expect(await sentences.count()).toBe(highlights.length);
    }
    const footer = await popup.locator('.popup-footer').textContent();
    expect(footer).toContain(`v${realPack().version}`);
    // As the toolbar shows it (Chrome caps popups at 800×600), and the whole page.
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: resolve(SHOTS, 'popup.png') });
    await popup.screenshot({ path: resolve(SHOTS, 'popup-full.png'), fullPage: true });
  });

  it('clicking a claim scrolls the article to its highlight and opens its card with focus', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?popup=focus');
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    const last = popup.locator('.finding-main').last();
    const highlightId = await last.getAttribute('data-highlight-id');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await last.click();
    expect(highlightId).toBeTruthy();
    await page.locator(CARD).waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-claim-lens') ?? null))
      .toBe('card');
    // The sentence whose card is open (CSS.highlights 'claim-lens-active') is on screen.
    const inView = await page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('claim-lens-active') ?? [])] as StaticRange[];
      const live = document.createRange();
      live.setStart(range!.startContainer, range!.startOffset);
      live.setEnd(range!.endContainer, range!.endOffset);
      const rect = live.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('says plainly when there is nothing, or when Claim Lens cannot run on the page', async () => {
    const { page, tabId } = await openArticle(session, 'neg-none.html?popup=none');
    // Nobody touched the page: the popup taking its focus is what makes it look (and answer).
    await settle(page, 1200, { reader: false });
    const popup = await openPopup(session, tabId, {}, { takesFocusFrom: page });
    await expect
      .poll(() => popup.locator('main').textContent())
      .toContain('No known DeepSeek V4 claims on this page.');

    const { tabId: restrictedId } = await openTab(session, 'chrome://version/');
    const restricted = await openPopup(session, restrictedId);
    await expect
      .poll(() => restricted.locator('main').textContent(), { timeout: 3000 })
      .toContain(
        'Claim Lens can’t run on this page (browser pages and extension stores are off-limits to extensions).',
      );
  });

  it('the site switch and the global pause turn highlighting off and on, and the popup says so', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?popup=switch');
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    const site = popup.getByRole('switch', { name: 'Highlight claims on news.example.test' });
    await expect.poll(() => site.isChecked()).toBe(true);
    await site.click();
    await expect.poll(() => paintedCount(page)).toBe(0);
    await expect
      .poll(() => popup.locator('main').textContent())
      .toContain('Highlighting is off for news.example.test.');
    await site.click();
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);

    const pause = popup.getByRole('switch', { name: 'Pause Claim Lens everywhere' });
    await pause.click();
    await expect.poll(() => paintedCount(page)).toBe(0);
    await expect
      .poll(() => popup.locator('main').textContent())
      .toContain('Claim Lens is paused on all sites.');
    await pause.click();
    await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
    await expect.poll(() => popup.locator('.summary').count()).toBe(1);
  });

  it('the toolbar badge shows the number of highlighted sentences in a calm colour, and follows navigation', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?popup=badge');
    const highlights = await waitForHighlights(page);
    const count = highlights.length;
    const badge = () =>
      session.worker.evaluate(async (id) => {
        const action = (globalThis as unknown as SW).chrome.action;
        return {
          text: await action.getBadgeText({ tabId: id }),
          color: await action.getBadgeBackgroundColor({ tabId: id }),
        };
      }, tabId);
    await expect.poll(async () => (await badge()).text).toBe(String(count));
    const { BADGE_COLOR } = await import('../../src/background/badge');
    const rgb = [1, 3, 5].map((i) => Number.parseInt(BADGE_COLOR.slice(i, i + 2), 16));
    expect((await badge()).color.slice(0, 3)).toEqual(rgb);

    await page.goto(`${page.url().split('?')[0]!.replace('seed-000', 'neg-none')}?popup=badge-nav`);
    await expect.poll(async () => (await badge()).text).toBe('');
    await page.goBack();
    await expect.poll(async () => (await badge()).text, { timeout: 10_000 }).toBe(String(count));
  });

  it('has no serious accessibility violations (axe), in light and dark schemes', async () => {
    const { page, tabId } = await openArticle(session, 'seed-000.html?popup=axe');
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    await popup.locator('.summary').waitFor();
    const violations = await runAxe(popup);
    expect(seriousOnly(violations), JSON.stringify(violations, null, 2)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    const dark = await runAxe(popup);
    expect(seriousOnly(dark), JSON.stringify(dark, null, 2)).toEqual([]);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-dark.png'), fullPage: true });
  });
});
