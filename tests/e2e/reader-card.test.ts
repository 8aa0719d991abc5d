import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { realPack } from '../support/pages';
import { DOC_SHOTS, freshStart, openArticle, openPopup } from './extension-pages';
import { useExtensionSession, waitForHighlights } from './harness';
import { CARD, highlightPoint } from './highlights';

/**
 * The card as a reader meets it, on a dated pre-release article and a post-release one: it fits, its
 * two actions are on screen without scrolling, it says what the claim was when the article was published
 * and what changed since, and a sentence with several claims is a short list, one open at a time.
 */
const session = useExtensionSession();
const PRE = 'reader-pre-release.html';
const POST = 'reader-post-release.html';
const claim = (id: string) => realPack().claims.find((c) => c.id === id)!;

beforeEach(() => freshStart(session));

/** Opens the card of the sentence `text` with the mouse, as a reader would. */
async function hoverSentence(page: Page, text: string): Promise<void> {
  const point = await highlightPoint(page, { text });
  if (!point) throw new Error(`no painted highlight for “${text.slice(0, 60)}”`);
  await page.mouse.move(point.x, point.y);
  await page.locator(CARD).waitFor({ state: 'visible' });
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.locator(CARD).waitFor({ state: 'hidden' });
}

/** Where the card and its parts are, in viewport pixels. */
function cardLayout(page: Page) {
  return page.locator(CARD).evaluate((card) => {
    const box = (sel: string) => {
      const el = sel === ':scope' ? card : card.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const body = card.querySelector('.card-body') as HTMLElement;
    const bodyBox = body.getBoundingClientRect();
    const inBody = (sel: string) => {
      const r = card.querySelector(sel)?.getBoundingClientRect();
      return Boolean(r && r.top >= bodyBox.top - 1 && r.bottom <= bodyBox.bottom + 1);
    };
    return {
      card: box(':scope'),
      actions: box('.actions'),
      buttons: Array.from(card.querySelectorAll('.actions button')).map((b) => b.textContent),
      timelineVisible: inBody('.claim-body .timeline'),
      matchVisible: inBody('.claim-body .match-strength'),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

describe('the card at a glance', () => {
  for (const [label, viewport] of [
    ['1280×900', { width: 1280, height: 900 }],
    ['400 px wide', { width: 400, height: 800 }],
  ] as const) {
    it(`every card’s two actions are on screen without scrolling, at ${label}, on both articles`, async () => {
      let cards = 0;
      let glanceVisible = 0;
      for (const path of [PRE, POST]) {
        const { page } = await openArticle(session, `${path}?fit=${viewport.width}`);
        await page.setViewportSize(viewport);
        const highlights = await waitForHighlights(page);
        expect(highlights.length).toBeGreaterThan(5);
        for (const h of highlights) {
          await hoverSentence(page, h.text);
          const layout = await cardLayout(page);
          const where = `${path}: “${h.text.slice(0, 50)}”`;
          expect(layout.buttons, where).toEqual(['Not this claim', 'Suggest a correction']);
          expect(layout.card!.left, where).toBeGreaterThanOrEqual(0);
          expect(layout.card!.right, where).toBeLessThanOrEqual(viewport.width);
          expect(layout.actions!.top, where).toBeGreaterThanOrEqual(0);
          expect(layout.actions!.bottom, where).toBeLessThanOrEqual(viewport.height);
          cards += 1;
          if (layout.timelineVisible && layout.matchVisible) glanceVisible += 1;
          await closeCard(page);
        }
        await page.close();
      }
      console.info(
        `[card fit ${label}] ${cards} cards; actions on screen in all; time line and match strength visible without scrolling in ${glanceVisible}`,
      );
      // The actions always show. The time line and match strength too at desktop size; at 400 px the
      // space beside a sentence is smaller and some cards need a scroll for them (the count is printed).
      expect(glanceVisible / cards).toBeGreaterThan(viewport.width >= 1280 ? 0.9 : 0.6);
    }, 300_000);
  }

  it('says what the claim was when the pre-release article was published, and what changed since', async () => {
    const { page } = await openArticle(session, `${PRE}?time=1`);
    const highlights = await waitForHighlights(page);
    const trillion = highlights.find((h) => h.claimIds.includes('v4-total-params-1t'));
    expect(trillion, 'the one-trillion-parameter sentence is labeled').toBeDefined();
    await hoverSentence(page, trillion!.text);
    const card = page.locator(CARD);
    const row = card.locator('.claim[data-claim-id="v4-total-params-1t"]');
    if ((await card.locator('.claim-list').count()) > 0) await row.locator('.claim-row').click();
    const time = await card
      .locator('.claim-body[data-claim-id="v4-total-params-1t"] .timeline')
      .textContent();
    expect(time).toContain(
      'When this article was published (10 February 2026) this was a rumor; it was contradicted on 24 April 2026',
    );
    expect(await card.locator('.pack-line').textContent()).toContain(
      'Article published 10 February 2026 (from the page’s metadata)',
    );
    expect(await card.locator('.pack-line').textContent()).toContain(`Claim pack v${realPack().version}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await card.screenshot({ path: resolve(DOC_SHOTS, 'card-time-line.png') });
  });

  it('on the post-release article the same claim was already contradicted when it was published', async () => {
    const { page } = await openArticle(session, `${POST}?time=2`);
    const highlights = await waitForHighlights(page);
    const contradicted = highlights.find((h) => h.tier === 'contradicted');
    expect(contradicted).toBeDefined();
    await hoverSentence(page, contradicted!.text);
    const open = page.locator(`${CARD} .claim-body`);
    expect(await open.locator('.timeline').textContent()).toContain(
      'When this article was published (4 May 2026) this was already contradicted.',
    );
    expect(await page.locator(`${CARD} .pack-line`).textContent()).toContain('Article published 4 May 2026');
  });

  it('a single-claim card: badge and meaning, claim, what settles it, time line, match, details folded', async () => {
    const { page } = await openArticle(session, `${PRE}?single=1`);
    const highlights = await waitForHighlights(page);
    const single =
      highlights.find((h) => h.claimIds.length === 1 && claim(h.claimId).tier === 'contradicted') ??
      highlights.find((h) => h.claimIds.length === 1)!;
    await hoverSentence(page, single.text);
    const card = page.locator(CARD);
    const c = claim(single.claimId);
    expect(await card.locator('.statement').textContent()).toBe(c.statement);
    expect(await card.locator('.settles').textContent()).toBe(c.settles);
    expect(await card.locator('.match-strength').textContent()).toMatch(
      /Does this sentence state it\?.*% match/,
    );
    expect(await card.locator('details.details').getAttribute('open')).toBeNull();
    expect(await card.locator('.history').isVisible()).toBe(false);
    // A dialog, announced as one, and no landmarks added to the page.
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('aria-label')).toMatch(/Claim Lens/);
    expect(
      await card
        .locator('header, footer, main, nav, aside, section, [role="region"], [role="banner"]')
        .count(),
    ).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await card.screenshot({ path: resolve(DOC_SHOTS, 'card-short.png') });
    // Details open on request: settling sources first, never the page being read.
    await card.locator('details.details summary').click();
    expect(await card.locator('.history').isVisible()).toBe(true);
    const cited = await card.locator('.sources li').allTextContents();
    expect(cited.join('\n')).not.toContain('What To Expect From DeepSeek V4');
    await closeCard(page);
  });

  it('several claims in one sentence: a compact list in the page’s order, one open at a time', async () => {
    const { page } = await openArticle(session, `${PRE}?multi=1`);
    const highlights = await waitForHighlights(page);
    const multi = highlights
      .filter((h) => h.claimIds.length > 1)
      .sort((a, b) => b.claimIds.length - a.claimIds.length)[0];
    expect(multi, 'the article has a sentence with several claims').toBeDefined();
    await hoverSentence(page, multi!.text);
    const card = page.locator(CARD);
    const rows = card.locator('.claim-row');
    expect(await rows.count()).toBe(multi!.claimIds.length);
    expect(await card.locator('.claim-row[aria-expanded="true"]').count()).toBe(1);
    // The same order as the page and the popup: the first row is the claim the highlight is painted with.
    const ids = await card
      .locator('.claim')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-id')));
    expect(ids).toEqual(multi!.claimIds);
    expect(await card.locator('.claim-row').first().getAttribute('aria-expanded')).toBe('true');
    await page.setViewportSize({ width: 1280, height: 900 });
    await card.screenshot({ path: resolve(DOC_SHOTS, 'card-multi-claim.png') });
    await rows.nth(1).click();
    expect(await rows.nth(1).getAttribute('aria-expanded')).toBe('true');
    expect(await rows.nth(0).getAttribute('aria-expanded')).toBe('false');
    const second = await card.locator('.claim').nth(1).getAttribute('data-claim-id');
    expect(await card.locator('.claim-body').getAttribute('data-claim-id')).toBe(second);
    expect(await card.locator('.actions').getAttribute('data-claim-id')).toBe(second);
  });

  it('opening from the popup expands the claim that was clicked', async () => {
    const { page, tabId } = await openArticle(session, `${PRE}?from-popup=1`);
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    await popup.locator('.sentence .finding-main').first().waitFor();
    // The second claim listed under a sentence with several: not the one the card would open on by itself.
    const pick = await popup.locator('.sentence').evaluateAll((sentences) => {
      for (const s of sentences) {
        const buttons = s.querySelectorAll('.finding-main');
        if (buttons.length > 1) {
          return {
            highlightId: buttons[1]!.getAttribute('data-highlight-id')!,
            claimId: buttons[1]!.getAttribute('data-claim-id')!,
          };
        }
      }
      return null;
    });
    expect(pick, 'a sentence with several claims').not.toBeNull();
    const claimId = pick!.claimId;
    const target = popup.locator(
      `.finding-main[data-highlight-id="${pick!.highlightId}"][data-claim-id="${claimId}"]`,
    );
    await target.click();
    // The toolbar popup sits over the page; here the popup is a tab, so bring the article back in view.
    await page.bringToFront();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    await expect
      .poll(() =>
        card
          .locator('.claim-row[aria-expanded="true"]')
          .first()
          .evaluate((b) => b.closest('.claim')?.getAttribute('data-claim-id')),
      )
      .toBe(claimId);
  });
});
