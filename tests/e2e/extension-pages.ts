import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ExtensionSession, ROOT, SITE } from './harness';

/** Helpers for the popup, options page and storage of the built extension, shared by the e2e tests. */

export const SHOTS = resolve(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

/**
 * Where the README's screenshots are written: test-results/ in every run, docs/ only when asked
 * (`npm run docs:screenshots`), so running the tests never changes the repository's files.
 */
export const DOC_SHOTS = process.env.CLAIM_LENS_UPDATE_DOCS === '1' ? resolve(ROOT, 'docs') : SHOTS;

/**
 * The service worker's global scope, for worker.evaluate callbacks: they run in the worker, so they must
 * reach `chrome` through globalThis (a helper function defined here would not exist there).
 */
// biome-ignore lint/suspicious/noExplicitAny: the chrome.* API is untyped in the tests.
export type SW = { chrome: any };

/**
 * Opens an article in a new tab through chrome.tabs.create, which returns the tab id. Without the `tabs`
 * permission chrome.tabs.query cannot find a tab by URL (Chrome hides URLs and titles from us: the
 * content script's match patterns are not host permissions for the tabs API).
 */
export async function openTab(
  session: ExtensionSession,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const [page, tab] = await Promise.all([
    session.context.waitForEvent('page'),
    session.worker.evaluate((u: string) => (globalThis as unknown as SW).chrome.tabs.create({ url: u }), url),
  ]);
  await page.waitForURL((u) => u.href.startsWith(url.replace(/\/$/, '')));
  await page.waitForLoadState('load');
  return { page, tabId: (tab as { id: number }).id };
}

export function openArticle(session: ExtensionSession, path: string): Promise<{ page: Page; tabId: number }> {
  return openTab(session, `${SITE}/${path}`);
}

/**
 * The popup, opened as a tab (tests cannot click the toolbar). `takesFocusFrom`: the article loses focus
 * to it, as it does to the real popup (Playwright otherwise keeps every page focused).
 */
export async function openPopup(
  session: ExtensionSession,
  tabId: number,
  extra: Record<string, string> = {},
  { takesFocusFrom }: { takesFocusFrom?: Page } = {},
): Promise<Page> {
  if (takesFocusFrom) {
    const cdp = await session.context.newCDPSession(takesFocusFrom);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await cdp.detach();
  }
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 420, height: 760 });
  const query = new URLSearchParams({ tabId: String(tabId), ...extra });
  if (takesFocusFrom) await page.bringToFront();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?${query}`);
  await page.locator('.popup').waitFor();
  return page;
}

export async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('h1', { hasText: 'Claim Lens settings' }).waitFor();
  return page;
}

/** A raw chrome.storage.local value (validated items are stored as { v, data }). */
export function storageGet(session: ExtensionSession, key: string): Promise<unknown> {
  return session.worker.evaluate(
    async (k) => (await (globalThis as unknown as SW).chrome.storage.local.get(k))[k],
    key,
  );
}

export function storageSet(session: ExtensionSession, values: Record<string, unknown>): Promise<void> {
  return session.worker.evaluate((v) => (globalThis as unknown as SW).chrome.storage.local.set(v), values);
}

export function storageRemove(session: ExtensionSession, keys: string[]): Promise<void> {
  return session.worker.evaluate((k) => (globalThis as unknown as SW).chrome.storage.local.remove(k), keys);
}

/** The reader's stored items: settings, hidden highlights, corrections and drafts. */
export const READER_ITEMS = ['settings', 'dismissals', 'corrections', 'correctionDrafts', 'openDraftRequest'];

/**
 * A clean start for a test: the given stored items forgotten (WXT storage keeps each item's version
 * under `<key>$`, forgotten too) and every page but the first closed.
 */
export async function freshStart(session: ExtensionSession, items: string[] = READER_ITEMS): Promise<void> {
  await storageRemove(session, [...items, ...items.map((k) => `${k}$`)]);
  for (const page of session.context.pages().slice(1)) await page.close();
}

/** Stored list data (WXT storage items hold the value itself; their version is in the `<key>$` entry). */
export async function storedList<T>(session: ExtensionSession, key: string): Promise<T[]> {
  const raw = await storageGet(session, key);
  return Array.isArray(raw) ? (raw as T[]) : [];
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page. The source is evaluated rather than added as a <script> tag because
 * extension pages' CSP forbids inline scripts; DevTools-protocol evaluation is not subject to it.
 */
export async function runAxe(page: Page, context?: unknown): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (ctx) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global added just above.
    const axe = (globalThis as any).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }),
    );
  }, context as never);
}

export const seriousOnly = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
