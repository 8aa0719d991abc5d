import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOR } from '../../src/background/badge';
import { DOC_SHOTS, freshStart, openArticle, openPopup, type SW, storedList } from './extension-pages';
import { EXTENSION_DIR, useExtensionSession, waitForHighlights } from './harness';
import { findingsOn, paintedRanges, scrollThrough } from './highlights';

/** One count everywhere, the page's date line first, one calm scroll, every claim by keyboard. */
const session = useExtensionSession();
const PRE = 'reader-pre-release.html';
const POST = 'reader-post-release.html';

beforeEach(() => freshStart(session));

const badge = (tabId: number) =>
  session.worker.evaluate(async (id) => {
    const action = (globalThis as unknown as SW).chrome.action;
    return {
      text: await action.getBadgeText({ tabId: id }),
      title: await action.getTitle({ tabId: id }),
      color: await action.getBadgeBackgroundColor({ tabId: id }),
    };
  }, tabId);

describe('one count, and the page first', () => {
  for (const path of [PRE, POST]) {
    it(`${path}: popup, badge and page agree on the number of highlighted sentences`, async () => {
      const { page, tabId } = await openArticle(session, `${path}?count=1`);
      await waitForHighlights(page);
      // Sentences are painted as the reader gets near them: read to the end first.
      await scrollThrough(page);
      const highlights = await waitForHighlights(page);
      const answer = await findingsOn(page);
      const sentences = answer!.findings.length;
      expect(highlights.length).toBe(sentences);
      // Every listed sentence is painted on the page.
      const painted = new Set((await paintedRanges(page)).map((r) => r.text.replace(/\s+/g, '')));
      expect(painted.size).toBeGreaterThan(0);
      await expect.poll(async () => (await badge(tabId)).text).toBe(String(sentences));
      const { title, color } = await badge(tabId);
      expect(title).toMatch(new RegExp(`^Claim Lens: ${sentences} highlighted sentences on this page`));
      // Calm: one neutral colour whatever the page states, never a tier's red.
      const rgb = [1, 3, 5].map((i) => Number.parseInt(BADGE_COLOR.slice(i, i + 2), 16));
      expect(color.slice(0, 3)).toEqual(rgb);

      const popup = await openPopup(session, tabId);
      await popup.locator('.summary').waitFor();
      expect(await popup.locator('.summary').textContent()).toBe(`${sentences} highlighted sentences`);
      const chips = await popup.locator('.chip-count').allTextContents();
      expect(chips.map(Number).reduce((a, b) => a + b, 0)).toBe(sentences);
      expect(await popup.locator('.findings > .sentence').count()).toBe(sentences);
      // The page-level line comes first in the popup's content.
      const order = await popup.locator('main').evaluate((main) => {
        const line = main.querySelector('.date-line')!;
        const list = main.querySelector('.findings')!;
        return line.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
    });
  }

  it('a long article is painted where the reader is: the far end only once they scroll near it', async () => {
    const { page } = await openArticle(session, POST);
    await waitForHighlights(page);
    const findings = (await findingsOn(page))!.findings;
    const squashed = (text: string) => text.replace(/\s+/g, '');
    const paintedTexts = async () => (await paintedRanges(page)).map((r) => squashed(r.text)).join('');
    const last = squashed(findings.at(-1)!.text);
    expect(await paintedTexts()).not.toContain(last);
    expect((await paintedRanges(page)).length).toBeGreaterThan(0);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(paintedTexts).toContain(last);
  });

  it('the date line on a pre-release page counts claims changed since; after the release, nothing has', async () => {
    const pre = await openArticle(session, `${PRE}?date=1`);
    await waitForHighlights(pre.page);
    const popup = await openPopup(session, pre.tabId);
    const line = popup.locator('.date-line');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /^Published 10 February 2026, before V4’s release \(24 April 2026\)\. Since then \d+ of the claims it states (has|have) been contradicted/,
    );
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('.page-summary').screenshot({ path: resolve(DOC_SHOTS, 'popup-date-line.png') });
    await popup.screenshot({ path: resolve(DOC_SHOTS, 'popup.png') });
    await popup.close();

    const post = await openArticle(session, `${POST}?date=2`);
    await waitForHighlights(post.page);
    const popup2 = await openPopup(session, post.tabId);
    await popup2.locator('.date-line').waitFor();
    expect(await popup2.locator('.date-line').textContent()).toBe(
      'Published 4 May 2026, after V4’s release. None of the claims it states has changed since.',
    );
  });

  it('the popup is one scroll: no inner scroller', async () => {
    const { page, tabId } = await openArticle(session, `${PRE}?scroll=1`);
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('.findings').waitFor();
    const inner = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => {
          const style = getComputedStyle(el);
          return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        })
        .map((el) => el.className),
    );
    expect(inner).toEqual([]);
  });

  it('ships an extension icon at 16, 32, 48 and 128 px', () => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    for (const size of ['16', '32', '48', '128']) {
      expect(manifest.icons?.[size], `icons.${size}`).toBeDefined();
      const png = readFileSync(resolve(EXTENSION_DIR, manifest.icons[size].replace(/^\//, '')));
      expect(png.readUInt32BE(16), `${size}px wide`).toBe(Number(size));
    }
    expect(manifest.action.default_icon).toBeDefined();
  });
});

describe('the popup by keyboard', () => {
  it('Tab reaches every claim in the list; after “Not this claim” focus stays in place, and nothing is drafted', async () => {
    const { page, tabId } = await openArticle(session, `${PRE}?keys=1`);
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    await popup.locator('.finding-main').first().waitFor();
    const claims = await popup.locator('.finding-main').count();
    const reached = new Set<string>();
    for (let i = 0; i < claims * 4 + 40 && reached.size < claims; i++) {
      await popup.keyboard.press('Tab');
      const key = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.classList.contains('finding-main')
          ? `${el.getAttribute('data-highlight-id')}:${el.getAttribute('data-claim-id')}`
          : null;
      });
      if (key) reached.add(key);
    }
    expect(reached.size).toBe(claims);

    // "Not this claim" from the keyboard on the first claim.
    const first = popup.locator('.finding').first();
    const claimId = await first.getAttribute('data-claim-id');
    await first.getByRole('button', { name: 'Not this claim' }).focus();
    await popup.keyboard.press('Enter');
    const showAgain = popup
      .locator(`.finding-hidden[data-claim-id="${claimId}"]`)
      .getByRole('button', { name: 'Show again' });
    await showAgain.waitFor();
    await expect.poll(() => showAgain.evaluate((b) => b === document.activeElement)).toBe(true);
    // The page relabels without it, the popup is told (no reload), and no correction was created.
    await expect
      .poll(async () =>
        (await findingsOn(page))!.findings.some((f) => f.claims.some((c) => c.claimId === claimId)),
      )
      .toBe(false);
    expect(await storedList(session, 'correctionDrafts')).toEqual([]);
    // Show again puts it back, still without a draft.
    await popup.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await findingsOn(page))!.findings.some((f) => f.claims.some((c) => c.claimId === claimId)),
      )
      .toBe(true);
    await expect
      .poll(() => popup.locator(`.finding-main[data-claim-id="${claimId}"]`).count())
      .toBeGreaterThan(0);
    expect(await storedList(session, 'correctionDrafts')).toEqual([]);
  });
});
