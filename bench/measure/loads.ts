import type { BrowserContext, Page } from 'playwright-core';
import { endTrace, type FrameKey, startTrace, summarizeTrace, type TaskSummary } from './trace';

/**
 * One page load in a browser, measured from outside: CDP Performance.getMetrics (script and task time of
 * the page's renderer, which runs the content script too) and, when asked, a trace of the load.
 */

let siteCounter = 0;
/** A new site per load (a fresh renderer process), so per-process metrics start from zero. */
export const freshUrl = (file: string) => `https://bench-${++siteCounter}.test/${file}`;
export const BENCH_SITES = /^https:\/\/bench-\d+\.test\//;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Highlights on the page, whichever way they are painted (Custom Highlight API ranges, or mark elements). */
export async function labelCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    registry?.forEach((h, name) => {
      if (name.startsWith('claim-lens')) ranges += h.size;
    });
    const marks = new Set(
      Array.from(document.querySelectorAll('claim-lens-mark')).map((m) =>
        m.getAttribute('data-highlight-id'),
      ),
    ).size;
    return Math.max(ranges, marks);
  });
}

export interface LoadFigures {
  scriptMs: number;
  taskMs: number;
  /** Highlights once the wait is over (read after the metrics, so the check costs nothing measured). */
  labels: number;
  trace?: TaskSummary;
}

export interface LoadOptions {
  /** How long after `load` the page is left alone before metrics are read. */
  settleMs: number;
  /** A full trace (CPU profile included), or a light one: tasks and their thread time only. */
  trace?: boolean | 'light';
  /** Which script URLs are ours, for trace attribution. */
  isOurs?: (url: string) => boolean;
  /** What a reader does once the page has loaded (before the wait), e.g. move the pointer over it. */
  reader?: (page: Page) => Promise<void>;
  /** How CPU samples in our code are grouped (by file unless told: the built bundles are minified). */
  frameKey?: FrameKey;
}

const isExtensionUrl = (u: string) => u.startsWith('chrome-extension://');

export async function loadAndMeasure(
  context: BrowserContext,
  file: string,
  { settleMs, trace = false, isOurs = isExtensionUrl, reader, frameKey }: LoadOptions,
): Promise<LoadFigures> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (trace) await startTrace(cdp, { light: trace === 'light' });
  const url = freshUrl(file);
  await page.goto(url, { waitUntil: 'load' });
  await reader?.(page);
  // document_idle content script, the gate, and on articles the import, scan and painting: all done by then.
  await sleep(settleMs);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  const summary = trace ? summarizeTrace(await endTrace(cdp), url, isOurs, frameKey) : undefined;
  const labels = await labelCount(page);
  await cdp.detach();
  await page.close();
  return { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), labels, trace: summary };
}

export interface Side {
  name: string;
  context: BrowserContext;
}

/** Loads `file` `runs` times on every side, interleaved so drift (thermal, other work) hits all alike. */
export async function interleaved(
  sides: Side[],
  file: string,
  runs: number,
  options: LoadOptions,
): Promise<Map<string, LoadFigures[]>> {
  const result = new Map<string, LoadFigures[]>(sides.map((s) => [s.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const side of sides) result.get(side.name)!.push(await loadAndMeasure(side.context, file, options));
  }
  return result;
}
