import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ExtensionSession, ROOT } from './harness';
import { paintedRanges } from './highlights';

/** Hostile fixture pages (tests/fixtures/hostile/README.md), served on their own test origin. */
export const HOSTILE = 'https://hostile.example.test';
const DIR = resolve(ROOT, 'tests/fixtures/hostile');
const ARTICLE = readFileSync(resolve(DIR, '_article.html'), 'utf8');

export async function serveHostilePages(session: ExtensionSession): Promise<void> {
  await session.context.route(`${HOSTILE}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\//, '');
    const path = resolve(DIR, name);
    if (!/^[\w-]+\.(html|svg)$/.test(name) || !existsSync(path))
      return route.fulfill({ status: 404, body: '' });
    const body = readFileSync(path, 'utf8').replace('<!--ARTICLE-->', ARTICLE);
    const contentType = name.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8';
    return route.fulfill({ contentType, body });
  });
}

export interface OpenedPage {
  page: Page;
  /** Every request the tab made that is not the fixture origin or the extension's own files. */
  foreignRequests: string[];
}

export async function openHostile(session: ExtensionSession, name: string): Promise<OpenedPage> {
  const page = await session.context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(HOSTILE) && !url.startsWith('chrome-extension://') && !url.startsWith('about:'))
      foreignRequests.push(url);
  });
  await page.goto(`${HOSTILE}/${name}`);
  await page.waitForLoadState('load');
  return { page, foreignRequests };
}

/** What the page's own scripts recorded. */
export function pageState<T = Record<string, unknown>>(
  target: Page | Frame,
): Promise<T & { errors: string[] }> {
  return target.evaluate(() => {
    const w = window as unknown as { __page?: object; __errors?: string[] };
    const state: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(w.__page ?? {})) {
      if (typeof value !== 'function' && !(value instanceof Node)) state[key] = value;
    }
    return { ...state, errors: w.__errors ?? [] } as never;
  });
}

/** Polls until something is painted; returns the painted ranges. */
export async function paintedSoon(target: Page | Frame, timeout = 10_000) {
  await expect.poll(async () => (await paintedRanges(target)).length, { timeout }).toBeGreaterThan(0);
  return paintedRanges(target);
}

/** Gives the content script time to do whatever it would do. */
export const settle = (page: Page, ms = 2000) => page.waitForTimeout(ms);

/** The body's markup: byte-identical before and after labeling wherever nothing is labeled (and there too). */
export const bodyHtml = (target: Page | Frame) => target.evaluate(() => document.body?.innerHTML ?? '');

/** Our UI elements and highlight registry entries on the page (a page we do not label has none). */
export function ourTraces(target: Page | Frame): Promise<{ hosts: number; highlights: string[] }> {
  return target.evaluate(() => ({
    hosts: document.querySelectorAll('[data-claim-lens]').length,
    highlights: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) =>
      k.startsWith('claim-lens-'),
    ),
  }));
}

export async function expectPageFine(opened: OpenedPage): Promise<void> {
  expect((await pageState(opened.page)).errors).toEqual([]);
  expect(opened.foreignRequests).toEqual([]);
}
