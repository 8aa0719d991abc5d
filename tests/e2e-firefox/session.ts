import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { findFirefox } from '../../scripts/lib/firefox';
import { scrollThrough } from '../e2e/highlights';
import { type PageLabel, readPageLabels } from './labels';

/**
 * Firefox with the BUILT add-on (.output/firefox-mv2), driven by puppeteer-core over WebDriver BiDi.
 * - The add-on is installed as a temporary add-on (BiDi webExtension.install).
 * - Its UUID is pinned with `extensions.webextensions.uuids`, so moz-extension:// URLs are known.
 * - `--remote-allow-system-access` lets BiDi navigate to moz-extension:// pages; even then goto() on them
 *   never resolves, so it is bounded and the page is used once its document is there.
 * - Fixture pages are served on 127.0.0.1 (the content script runs on any http page).
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIREFOX_EXTENSION = resolve(ROOT, '.output/firefox-mv2');
const PAGES_DIR = resolve(ROOT, 'tests/fixtures/pages');
const HOSTILE_DIR = resolve(ROOT, 'tests/fixtures/hostile');
/** The add-on's id in Firefox (browser.runtime.id), from the manifest's gecko settings. */
export const GECKO_ID = 'claim-lens@claimlens.invalid';

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** http://127.0.0.1:<port> serving tests/fixtures/pages, and tests/fixtures/hostile under /hostile/. */
  site: string;
}

/** A hostile page (tests/fixtures/hostile/README.md) with its `<!--ARTICLE-->` filled in, or null. */
function hostilePage(name: string): { body: string; type: string } | null {
  const path = resolve(HOSTILE_DIR, name);
  if (!/^[\w-]+\.(html|svg)$/.test(name) || !existsSync(path)) return null;
  const article = readFileSync(resolve(HOSTILE_DIR, '_article.html'), 'utf8');
  const body = readFileSync(path, 'utf8').replace('<!--ARTICLE-->', article);
  return { body, type: name.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8' };
}

function serveFixtures(): Promise<Server> {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (name.startsWith('hostile/')) {
      const page = hostilePage(name.slice('hostile/'.length));
      if (!page) return void res.writeHead(404).end('not found');
      return void res.writeHead(200, { 'content-type': page.type }).end(page.body);
    }
    const path = resolve(PAGES_DIR, name);
    if (!/^[\w-]+\.html$/.test(name) || !existsSync(path)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(path));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** One Firefox for a whole test file; filled in by the time any test runs. */
export function useFirefoxSession(): FirefoxSession {
  const session = {} as FirefoxSession;
  let server: Server | undefined;
  beforeAll(async () => {
    if (!existsSync(resolve(FIREFOX_EXTENSION, 'manifest.json'))) {
      throw new Error(`No built add-on at ${FIREFOX_EXTENSION}: run \`npm run build:firefox\` first.`);
    }
    server = await serveFixtures();
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox({ install: false }),
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
    });
    const installed = await browser.installExtension(FIREFOX_EXTENSION);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
    Object.assign(session, {
      browser,
      uuid,
      site: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    await session.browser?.close();
    server?.close();
  });
  return session;
}

export async function openArticle(session: FirefoxSession, name: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${session.site}/${name}`, { waitUntil: 'load' });
  return page;
}

/**
 * Opens an add-on page. goto() on moz-extension:// never settles over BiDi, so it is given a moment and
 * then the page is waited on by its own content.
 */
export async function openExtensionPage(session: FirefoxSession, path: string, ready: string): Promise<Page> {
  const page = await session.browser.newPage();
  await Promise.race([
    page.goto(`moz-extension://${session.uuid}/${path}`).catch(() => undefined),
    new Promise((r) => setTimeout(r, 1500)),
  ]);
  await page.waitForSelector(ready, { timeout: 10_000 });
  return page;
}

/**
 * The browser's id for the tab showing `page`. Without the `tabs` permission Firefox hides tab URLs from
 * the add-on, so the tab is found by position: puppeteer lists pages in tab order, as tabs.query does.
 */
export async function tabIdOf(session: FirefoxSession, page: Page): Promise<number> {
  const index = (await session.browser.pages()).indexOf(page);
  const probe = await openExtensionPage(session, 'options.html', 'h1');
  const ids = await probe.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the WebExtension API, in the add-on page.
    const tabs = await (globalThis as any).browser.tabs.query({ currentWindow: true });
    return tabs
      .sort((a: { index: number }, b: { index: number }) => a.index - b.index)
      .map((t: { id: number }) => t.id);
  });
  await probe.close();
  const id = ids[index];
  if (id === undefined) throw new Error(`no tab at position ${index} (tabs: ${ids.join(', ')})`);
  return id;
}

/**
 * Presses one of the add-on's keyboard shortcuts (commands API) for the tab showing `page`. Keys sent over
 * WebDriver reach the page, not the browser's shortcut handling, so this calls the same handler the
 * command calls, from the background page (as the Chromium suite does from its service worker). The tab
 * is brought to the front first: a shortcut acts on the focused page.
 */
export async function pressShortcut(session: FirefoxSession, page: Page, command: string): Promise<boolean> {
  const tabId = await tabIdOf(session, page);
  const probe = await openExtensionPage(session, 'options.html', 'h1');
  await page.bringToFront();
  const moved = await probe.evaluate(
    async (name, id) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension API and the background's test hook.
      const background = (await (globalThis as any).browser.runtime.getBackgroundPage()) as any;
      return background.claimLensTest.onClaimShortcut(name, { id }) as Promise<boolean>;
    },
    command,
    tabId,
  );
  await probe.close();
  await page.bringToFront();
  return moved;
}

/** Reads add-on storage from an add-on page (content pages cannot). */
export async function addonStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the WebExtension API, in the add-on page.
    async (k) => (await (globalThis as any).browser.storage.local.get(k))[k],
    key,
  );
}

/** A stored list (correction drafts…): the array itself, or inside an older { v, data } envelope. */
export async function addonList<T>(page: Page, key: string): Promise<T[]> {
  const raw = (await addonStorage(page, key)) as T[] | { data?: T[] } | undefined;
  return Array.isArray(raw) ? raw : (raw?.data ?? []);
}

/** Waits until the page's labels exist and have stopped changing. */
export async function waitForLabels(page: Page, timeout = 15_000): Promise<PageLabel[]> {
  const deadline = Date.now() + timeout;
  let previous = '';
  while (Date.now() < deadline) {
    // Sentences are painted as the reader gets near them: read to the end each time.
    await scrollThrough(page);
    const labels = await page.evaluate(readPageLabels);
    const now = JSON.stringify(labels);
    if (labels.length > 0 && now === previous) return labels;
    previous = now;
    await new Promise((r) => setTimeout(r, 400));
  }
  return page.evaluate(readPageLabels);
}

/** Polls `read` until `accept` holds or the time is up; returns the last value either way. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** The open card's text, or null when no card is shown. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-claim-lens="card"], claim-lens-card') as HTMLElement | null;
    const style = host ? getComputedStyle(host) : undefined;
    // A card made ready unseen during the hover delay is not shown.
    if (!host || style?.display === 'none' || style?.visibility === 'hidden') return null;
    return host.shadowRoot?.querySelector('.card')?.textContent ?? null;
  });
}
