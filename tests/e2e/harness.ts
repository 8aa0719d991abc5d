import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_BASE_ARGS, findChromium } from '../../scripts/lib/chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
export const PAGES_DIR = resolve(ROOT, 'tests/fixtures/pages');
/** Test pages keep real-looking https URLs; requests are answered locally, nothing reaches a network. */
export const SITE = 'https://news.example.test';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

function pageFor(pathname: string): string | undefined {
  if (pathname.startsWith('/spa/')) return 'spa.html';
  const name = pathname.replace(/^\//, '');
  return /^[\w-]+\.html$/.test(name) ? name : undefined;
}

export async function launchWithExtension(): Promise<ExtensionSession> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium({ install: false }),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      ...CHROMIUM_BASE_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  await context.route(`${SITE}/**`, (route) => {
    const url = new URL(route.request().url());
    const file = pageFor(url.pathname);
    const path = file && resolve(PAGES_DIR, file);
    if (!path || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(path) });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close: () => context.close() };
}

/**
 * One Chromium with the extension for a whole test file: launched before its tests, closed after. The
 * returned object is filled in by the time any test runs.
 */
export function useExtensionSession(
  setup?: (session: ExtensionSession) => Promise<unknown>,
): ExtensionSession {
  const session = {} as ExtensionSession;
  beforeAll(async () => {
    Object.assign(session, await launchWithExtension());
    await setup?.(session);
  });
  afterAll(async () => {
    await session.close?.();
  });
  return session;
}

export interface PageHighlight {
  text: string;
  claimId: string;
  tier: string;
  claimIds: string[];
}

/** The highlights on a page, one per logical highlight (marks split across tags are joined). */
export async function highlightsOn(page: Page): Promise<PageHighlight[]> {
  return page.evaluate(() => {
    const byId = new Map<string, { text: string; claimId: string; tier: string; claimIds: string[] }>();
    for (const el of Array.from(document.querySelectorAll('claim-lens-mark'))) {
      const id = el.getAttribute('data-highlight-id') ?? '';
      const entry = byId.get(id);
      if (entry) {
        entry.text += el.textContent ?? '';
        continue;
      }
      const claimId = el.getAttribute('data-claim-id') ?? '';
      byId.set(id, {
        text: el.textContent ?? '',
        claimId,
        tier: el.getAttribute('data-claim-tier') ?? '',
        claimIds: (el.getAttribute('data-claim-ids') ?? claimId).split(' '),
      });
    }
    return [...byId.values()];
  });
}

/** Waits until the page has highlights and their number has stopped changing. */
export async function waitForHighlights(
  page: Page,
  { atLeast = 1, timeout = 10_000 } = {},
): Promise<PageHighlight[]> {
  const deadline = Date.now() + timeout;
  let previous = -1;
  while (Date.now() < deadline) {
    const count = await page.locator('claim-lens-mark').count();
    if (count >= atLeast && count === previous) return highlightsOn(page);
    previous = count;
    await page.waitForTimeout(300);
  }
  return highlightsOn(page);
}

/** Gives the content script time to run (and, on pages without claims, to do nothing). */
export async function settle(page: Page, ms = 1200): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(ms);
}
