import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  BUILT_EXTENSION,
  extensionWorker,
  FIXTURE_PAGES,
  launchChromium,
  ROOT as PROJECT_ROOT,
  serveFixtures,
} from '../../scripts/lib/browser';
import { readerArrives, setFindingsSession } from './highlights';

export const ROOT = PROJECT_ROOT;
export const EXTENSION_DIR = BUILT_EXTENSION;
export const PAGES_DIR = FIXTURE_PAGES;
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
  const context = await launchChromium({ extensionDir: EXTENSION_DIR });
  await serveFixtures(context, { sites: SITE, fileFor: pageFor });
  const worker = await extensionWorker(context);
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
    setFindingsSession(session);
    await setup?.(session);
  });
  afterAll(async () => {
    await session.close?.();
  });
  return session;
}

export {
  highlightsOn,
  type PageHighlight,
  paintedCount,
  readerArrives,
  waitForHighlights,
} from './highlights';

/**
 * Gives the content script time to run (and, on pages without claims, to do nothing), with a reader on
 * the page, so pages whose title does not name DeepSeek are read too.
 */
export async function settle(page: Page, ms = 1200, { reader = true } = {}): Promise<void> {
  await page.waitForLoadState('load');
  if (reader) await readerArrives(page);
  await page.waitForTimeout(ms);
}
