import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { labelPoint, readPageLabels } from './labels';
import {
  cardText,
  type FirefoxSession,
  GECKO_ID,
  openExtensionPage,
  tabIdOf,
  until,
  useFirefoxSession,
  waitForLabels,
} from './session';

/**
 * The core hostile-page cases (tests/e2e/hostile-*.test.ts, on the same fixtures) in Firefox ESR with the
 * built add-on: the page's nodes stay its own, a page cannot switch us off or get its custom elements run
 * by us, editable documents are left alone, and the page's scripts keep working with no request leaving
 * the tab. One Firefox for the whole file.
 */
const session = useFirefoxSession();

interface OpenedPage {
  page: Page;
  /**
   * Every request the tab made that is not the fixture server or the add-on's own files. data: URLs are
   * left out: they never leave the browser, and Firefox's own stylesheet loads one (its list-bullet font)
   * as soon as the card shows a list.
   */
  foreignRequests: string[];
}

async function openHostile(name: string): Promise<OpenedPage> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(moz-extension|about|data):/.test(url) && !url.startsWith(`${session.site}/`))
      foreignRequests.push(url);
  });
  await page.goto(`${session.site}/hostile/${name}`, { waitUntil: 'load' });
  return { page, foreignRequests };
}

/** What the page's own scripts recorded (window.__page, window.__errors). */
function pageState<T = Record<string, unknown>>(page: Page): Promise<T & { errors: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __page?: object; __errors?: string[] };
    const state: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(w.__page ?? {})) {
      if (typeof value !== 'function' && !(value instanceof Node)) state[key] = value;
    }
    return { ...state, errors: w.__errors ?? [] };
  }) as Promise<T & { errors: string[] }>;
}

async function expectPageFine({ page, foreignRequests }: OpenedPage): Promise<void> {
  expect((await pageState(page)).errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
}

const bodyHtml = (page: Page) => page.evaluate(() => document.body?.innerHTML ?? '');

/** Our UI elements and highlight registry entries on the page (a page we do not label has none). */
const ourTraces = (page: Page) =>
  page.evaluate(() => ({
    hosts: document.querySelectorAll('[data-claim-lens]').length,
    highlights: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) =>
      k.startsWith('claim-lens-'),
    ),
  }));

/** The fixture pages' own globals (types only: the functions using them run inside the page). */
interface FixtureWindow {
  __page: { replay(extensionId: string): void; node: Text; n: number };
}

const settle = (ms = 2000) => new Promise((r) => setTimeout(r, ms));

/** Hovers the first label and waits for its card; returns the card's text. */
async function openCard(page: Page): Promise<string | null> {
  const point = await page.evaluate(labelPoint, 0);
  if (!point) throw new Error('no label to hover');
  await page.mouse.move(point.x, point.y);
  return until(
    () => cardText(page),
    (t) => t !== null,
  );
}

/** What the tab's content script tells the popup, asked from an add-on page as the popup asks. */
async function findingsStatus(s: FirefoxSession, page: Page): Promise<string | undefined> {
  const tabId = await tabIdOf(s, page);
  const probe = await openExtensionPage(s, 'options.html', 'h1');
  const status = await probe.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the WebExtension API, in the add-on page.
    const answer = await (globalThis as any).browser.tabs
      .sendMessage(id, { id: 1, type: 'getFindings', data: undefined, timestamp: Date.now() }, { frameId: 0 })
      .catch(() => undefined);
    return answer?.res?.status as string | undefined;
  }, tabId);
  await probe.close();
  await page.bringToFront();
  return status;
}

/**
 * Every node of the document with its identity, kept in the page (take) or compared with what was kept
 * (compare). Our card's host is ours, not a page node, and is left out with its subtree.
 */
function pageNodes(mode: string) {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL, (n) =>
    n instanceof Element && n.hasAttribute('data-claim-lens')
      ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT,
  );
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
  const w = window as unknown as { __nodes?: [Node, string][] };
  if (mode === 'take') {
    w.__nodes = nodes.map((n) => [n, n.nodeType === 3 ? (n as Text).data : '']);
    return { sameCount: true, allSame: true, textSplit: 0 };
  }
  const before = w.__nodes ?? [];
  return {
    sameCount: before.length === nodes.length,
    allSame: before.every(
      ([n, data], i) => n === nodes[i] && (n.nodeType !== 3 || (n as Text).data === data),
    ),
    textSplit: nodes.filter((n) => n.nodeType === 3 && !before.some(([b]) => b === n)).length,
  };
}

/** The body's elements and text, live and as parsed fresh from the page's own source. */
async function liveAndParsed() {
  const shape = (root: Node): string[] => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      out.push(n.nodeType === 3 ? `#${(n as Text).data}` : n.nodeName);
    return out;
  };
  const source = await (await fetch(location.href)).text();
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  return { live: shape(document.body), parsed: shape(parsed.body) };
}

describe('hostile pages in Firefox', () => {
  it('no page node is split, moved or wrapped: the DOM is node-for-node the same, with the card open', async () => {
    const opened = await openHostile('navigation.html');
    const { page } = opened;
    await page.evaluate(pageNodes, 'take');
    const before = await bodyHtml(page);
    const labels = await waitForLabels(page);
    // Labels are read from CSS.highlights: the three claim sentences, not the newsroom's own line.
    expect(labels.some((l) => l.text.includes('one trillion parameters'))).toBe(true);
    expect(labels.some((l) => l.text.includes('newsroom'))).toBe(false);
    expect(await openCard(page)).not.toBeNull();
    expect(await page.evaluate(pageNodes, 'compare')).toEqual({
      sameCount: true,
      allSame: true,
      textSplit: 0,
    });
    expect(await bodyHtml(page)).toBe(before);
    const structure = await page.evaluate(liveAndParsed);
    expect(structure.live).toEqual(structure.parsed);
    await expectPageFine(opened);
    await page.close();
  });

  it('replaying WXT’s content-script-started event or message changes nothing; we post nothing', async () => {
    const opened = await openHostile('replay-wxt.html');
    const { page } = opened;
    const count = (await waitForLabels(page)).length;
    expect(count).toBeGreaterThan(0);
    // WXT names its events after browser.runtime.id (the gecko id here); the moz-extension UUID as well.
    for (const id of [GECKO_ID, session.uuid])
      await page.evaluate((i) => (window as unknown as FixtureWindow).__page.replay(i), id);
    await settle(2500);
    expect((await page.evaluate(readPageLabels)).length).toBe(count);
    expect(await findingsStatus(session, page)).toBe('labeled');
    const { messages } = await pageState<{ messages: string[] }>(page);
    expect(messages.filter((m) => !m.includes('"messageId":"page"'))).toEqual([]);
    expect(await openCard(page)).not.toBeNull();
    await expectPageFine(opened);
    await page.close();
  });

  it('custom elements named claim-lens-* are never constructed, even with the card open', async () => {
    const opened = await openHostile('custom-elements.html');
    const { page } = opened;
    await waitForLabels(page);
    expect(await openCard(page)).not.toBeNull();
    expect((await pageState<{ constructed: number }>(page)).constructed).toBe(0);
    await expectPageFine(opened);
    await page.close();
  });

  it.each(['design-mode.html', 'body-editable.html'])(
    '%s: the user’s document gets no labels',
    async (name) => {
      const opened = await openHostile(name);
      const { page } = opened;
      const before = await bodyHtml(page);
      await settle();
      expect(await ourTraces(page)).toEqual({ hosts: 0, highlights: [] });
      expect(await bodyHtml(page)).toBe(before);
      await expectPageFine(opened);
      await page.close();
    },
  );

  it('a text node the page updates inside a labeled sentence keeps its identity and never grows', async () => {
    const opened = await openHostile('counter-in-sentence.html');
    const { page } = opened;
    const labels = await until(
      () => page.evaluate(readPageLabels),
      (l) => l.some((label) => label.text.includes('one trillion')),
    );
    expect(labels.some((l) => l.text.includes('one trillion'))).toBe(true);
    await settle(2500);
    const live = await page.evaluate(() => ({
      text: document.getElementById('live')?.textContent,
      sameNode:
        document.getElementById('views')?.firstChild === (window as unknown as FixtureWindow).__page.node,
      n: (window as unknown as FixtureWindow).__page.n,
    }));
    expect(live.sameNode).toBe(true);
    expect(live.n).toBeGreaterThan(15);
    expect(live.text).toMatch(
      /^DeepSeek V4 could reach around one trillion parameters, according to early reports Views: \d+ so far\.$/,
    );
    // Still labeled after 25 updates of its text.
    expect((await page.evaluate(readPageLabels)).some((l) => l.text.includes('one trillion'))).toBe(true);
    await expectPageFine(opened);
    await page.close();
  });
});
