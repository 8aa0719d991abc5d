import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_BASE_ARGS, findChromium } from '../../scripts/lib/chromium';
import { TIER_STYLES } from '../../src/core/tier-styles';
import { TIER_IDS } from '../../src/core/tiers';
import { scrollThrough } from '../e2e/highlights';
import { countByTier, labelPoint, type PageLabel, readPageLabels } from './labels';
import {
  addonList,
  cardText,
  openArticle,
  openExtensionPage,
  pressShortcut,
  ROOT,
  tabIdOf,
  until,
  useFirefoxSession,
  waitForLabels,
} from './session';

/**
 * The built Firefox add-on in Firefox ESR: it labels the demo article exactly as the Chromium build does,
 * opens the card on hover and from the keyboard, and its popup, correction form and options page work.
 */

const ARTICLE = 'seed-004.html';
const CHROME_EXTENSION = resolve(ROOT, '.output/chrome-mv3');
const session = useFirefoxSession();
const TIER_WORDS = TIER_IDS.map((t) => TIER_STYLES[t].label);

/** The same article in Chromium with the Chromium build: what Firefox must match. */
async function chromiumLabels(html: Buffer): Promise<PageLabel[]> {
  if (!existsSync(resolve(CHROME_EXTENSION, 'manifest.json'))) {
    throw new Error(`No Chromium build at ${CHROME_EXTENSION} to compare with: run \`npm run build\`.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium({ install: false }),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      ...CHROMIUM_BASE_ARGS,
      `--disable-extensions-except=${CHROME_EXTENSION}`,
      `--load-extension=${CHROME_EXTENSION}`,
    ],
  });
  try {
    await context.route('http://article.test/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    const page = await context.newPage();
    await page.goto(`http://article.test/${ARTICLE}`);
    let previous = '';
    for (let i = 0; i < 50; i++) {
      await scrollThrough(page);
      const labels = await page.evaluate(readPageLabels);
      if (labels.length > 0 && JSON.stringify(labels) === previous) return labels;
      previous = JSON.stringify(labels);
      await page.waitForTimeout(300);
    }
    return page.evaluate(readPageLabels);
  } finally {
    await context.close();
  }
}

const sortLabels = (labels: PageLabel[]) =>
  [...labels].sort((a, b) => a.text.localeCompare(b.text) || a.tier.localeCompare(b.tier));

describe('Claim Lens in Firefox', () => {
  let article: Page;
  let labels: PageLabel[];

  beforeAll(async () => {
    article = await openArticle(session, ARTICLE);
    labels = await waitForLabels(article);
  });

  it('labels the article with the same sentences and tiers as in Chromium', async () => {
    const expected = await chromiumLabels(readFileSync(resolve(ROOT, 'tests/fixtures/pages', ARTICLE)));
    expect(labels.length).toBeGreaterThan(10);
    expect(Object.keys(countByTier(labels)).length).toBeGreaterThan(1);
    for (const { tier } of labels) expect(TIER_IDS).toContain(tier);
    expect(sortLabels(labels)).toEqual(sortLabels(expected));
  });

  it('opens the card on hover, with the tier in words and the data’s date', async () => {
    const point = await article.evaluate(labelPoint, 0);
    expect(point).not.toBeNull();
    await article.mouse.move(point!.x, point!.y);
    const text = await until(
      () => cardText(article),
      (t) => t !== null,
    );
    expect(text).not.toBeNull();
    expect(TIER_WORDS.some((word) => text!.includes(word))).toBe(true);
    expect(text).toMatch(/as of/i);
    // Moving away closes it.
    await article.mouse.move(5, 5);
    expect(
      await until(
        () => cardText(article),
        (t) => t === null,
      ),
    ).toBeNull();
  });

  it('the keyboard shortcut opens the next claim’s card with focus in it; Escape gives focus back', async () => {
    await article.evaluate(() => {
      window.scrollTo(0, 0);
      (document.querySelector('a[href], button, [tabindex]') as HTMLElement | null)?.focus();
    });
    const before = await article.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    expect(await pressShortcut(session, article, 'next-claim')).toBe(true);
    const text = await until(
      () => cardText(article),
      (t) => t !== null,
    );
    expect(text).not.toBeNull();
    expect(TIER_WORDS.some((word) => text!.includes(word))).toBe(true);
    expect(await article.evaluate(() => document.activeElement?.getAttribute('data-claim-lens'))).toBe(
      'card',
    );
    await article.keyboard.press('Escape');
    expect(
      await until(
        () => cardText(article),
        (t) => t === null,
      ),
    ).toBeNull();
    expect(await article.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(before);
  });

  it('the popup lists what was found; clicking a finding scrolls to it and opens its card', async () => {
    const tabId = await tabIdOf(session, article);
    await article.evaluate(() => window.scrollTo(0, 0));
    const popup = await openExtensionPage(session, `popup.html?tabId=${tabId}`, '.finding-main');
    const findings = await popup.$$eval('.finding-main', (items) => items.map((i) => i.textContent ?? ''));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(TIER_WORDS.some((word) => finding.includes(word))).toBe(true);

    await popup.$$eval('.finding-main', (items) => (items.at(-1) as HTMLElement).click());
    expect(
      await until(
        () => article.evaluate(() => window.scrollY),
        (y) => y > 0,
      ),
    ).toBeGreaterThan(0);
    expect(
      await until(
        () => cardText(article),
        (t) => t !== null,
      ),
    ).not.toBeNull();
    await popup.close();
  });

  it('“Suggest a correction” on the card stores a pre-filled draft that the popup opens and keeps', async () => {
    const point = await article.evaluate(labelPoint, 1);
    await article.mouse.move(point!.x, point!.y);
    await until(
      () => cardText(article),
      (t) => t !== null,
    );
    const clicked = await article.evaluate(() => {
      const card = document.querySelector('[data-claim-lens="card"], claim-lens-card')?.shadowRoot;
      const button = Array.from(card?.querySelectorAll('button') ?? []).find((b) =>
        b.textContent?.includes('Suggest a correction'),
      );
      button?.click();
      return button !== undefined;
    });
    expect(clicked).toBe(true);

    const probe = await openExtensionPage(session, 'options.html', 'h1');
    const drafts = await until(
      () => addonList(probe, 'correctionDrafts'),
      (list) => list.length > 0,
    );
    await probe.close();
    const draft = drafts[0] as {
      id: string;
      kind: string;
      pageUrl: string;
      claimId: string;
      packVersion: string;
    };
    expect(draft).toMatchObject({ kind: 'wrong-tier', pageUrl: `${session.site}/${ARTICLE}` });
    expect(draft.claimId).toBeTruthy();

    const tabId = await tabIdOf(session, article);
    const form = await openExtensionPage(session, `popup.html?tabId=${tabId}&draft=${draft.id}`, 'textarea');
    expect(await form.$$eval('h1, h2', (hs) => hs.map((h) => h.textContent))).toContain(
      'Suggest a correction',
    );
    const focused = await form.evaluate(() => {
      const label = Array.from(document.querySelectorAll('label')).find((l) =>
        l.textContent?.startsWith('Note'),
      );
      const field = (label?.control ?? label?.querySelector('textarea')) as HTMLElement | null | undefined;
      field?.focus();
      return field != null;
    });
    expect(focused, 'the form has a Note field').toBe(true);
    await form.keyboard.type('Typed in Firefox.');
    const saved = await until(
      async () => (await addonList<{ note?: string }>(form, 'correctionDrafts'))[0]?.note,
      (note) => note === 'Typed in Firefox.',
    );
    expect(saved).toBe('Typed in Firefox.');
    await form.close();
  });

  it('the options page renders, and unticking a tier removes its labels from the open tab', async () => {
    const options = await openExtensionPage(session, 'options.html', 'h1');
    expect(await options.$eval('h1', (h) => h.textContent)).toBe('Claim Lens settings');
    expect(await options.$eval('#pack-updates-heading', (h) => h.textContent)).toBe('Claim data updates');
    const counts = countByTier(labels);
    const tier = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]!)[0]!;
    const checkbox = `input[name="tiers"][value="${tier}"]`;
    await options.click(checkbox);
    const without = await until(
      async () => countByTier(await article.evaluate(readPageLabels)),
      (c) => c[tier] === undefined,
    );
    expect(without[tier]).toBeUndefined();
    await options.click(checkbox);
    // A tab in the background does not render, so nothing comes near its viewport: the reader goes back.
    await article.bringToFront();
    const back = await until(
      async () => {
        // Relabeled sentences are painted as the reader gets near them again.
        await scrollThrough(article);
        return countByTier(await article.evaluate(readPageLabels));
      },
      (c) => c[tier] === counts[tier],
    );
    expect(back[tier]).toBe(counts[tier]);
    await options.close();
  });
});
