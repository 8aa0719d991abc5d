/**
 * Goal (c) as the extension runs it: the page's main thread reads the article in slices, a worker holds
 * the pack and the matcher and matches in slices (standing in for the extension's background: the same
 * modules and the same slicing as src/background/matching.ts), and the page labels and paints what comes
 * back. Part of the bench driver bundle, which runs both in the page and in the worker.
 */

import { type Labeled, labelMatchesInSteps, matchInputOf, readArticleInSteps } from '../src/content/labeler';
import { compileDatabase, type Database, matchSteps } from '../src/content/local-matching';
import { lookupOf, type MatchAnswer } from '../src/core/match/answer';
import { warmUpSegmenter } from '../src/core/match/segment';
import type { ClaimPack } from '../src/core/pack/schema';
import { DEFAULT_MIN_STRENGTH } from '../src/core/settings/strength';
import { TIER_IDS } from '../src/core/tiers';
import { HighlightPainter } from '../src/page/highlighter';
import { readPublicationDate } from '../src/page/published-date';
import { BACKGROUND_SLICE_MS, runInSlices, yieldToPage } from '../src/page/schedule';
import type { MatchRequest } from '../src/platform/protocol';

const now = () => performance.now();
const FILTER = { tiers: TIER_IDS, minStrength: DEFAULT_MIN_STRENGTH, emphasis: 'what-matters' as const };

/** runInSlices, recording our work and the longest slice. */
async function timedSlices<T>(
  steps: Generator<void, T>,
  sliceMs?: number,
): Promise<{ value: T; workMs: number; longestMs: number }> {
  let workMs = 0;
  let longestMs = 0;
  const value = await runInSlices(
    steps,
    () => true,
    (ms) => {
      workMs += ms;
      longestMs = Math.max(longestMs, ms);
    },
    sliceMs,
  );
  return { value: value as T, workMs, longestMs };
}

// --- In the worker (the background's part) ---------------------------------------------------------------

export interface WorkerReady {
  parseMs: number;
  compileMs: number;
}
export interface WorkerAnswer {
  answer: MatchAnswer;
  matchMs: number;
  longestSliceMs: number;
}

export function serveInWorker(scope: { onmessage: unknown; postMessage(message: unknown): void }): void {
  let db: Database | undefined;
  scope.onmessage = async (event: MessageEvent) => {
    const message = event.data as { type: 'pack'; url: string } | ({ type: 'match' } & MatchRequest);
    if (message.type === 'pack') {
      const text = await (await fetch(message.url)).text();
      const t0 = now();
      const pack = JSON.parse(text) as ClaimPack;
      const t1 = now();
      db = compileDatabase(pack);
      void db.matcher;
      warmUpSegmenter();
      scope.postMessage({ parseMs: t1 - t0, compileMs: now() - t1 } satisfies WorkerReady);
      return;
    }
    const matched = await timedSlices(matchSteps(db!, message.blocks, message.title), BACKGROUND_SLICE_MS);
    scope.postMessage({
      answer: matched.value,
      matchMs: matched.workMs,
      longestSliceMs: matched.longestMs,
    } satisfies WorkerAnswer);
  };
}

// --- In the page -----------------------------------------------------------------------------------------

let worker: Worker | undefined;

function ask<T>(message: unknown): Promise<T> {
  return new Promise((resolve) => {
    worker!.onmessage = (event) => resolve(event.data as T);
    worker!.postMessage(message);
  });
}

/** A fresh worker with the pack at `packUrl` compiled in it. */
export async function startWorker(scriptUrl: string, packUrl: string): Promise<WorkerReady> {
  worker?.terminate();
  worker = new Worker(scriptUrl);
  return ask<WorkerReady>({ type: 'pack', url: packUrl });
}

export interface SplitResult {
  labels: number;
  words: number;
  /** Main thread, our work only: extraction, labeling and painting. */
  pageMs: number;
  longestPageSliceMs: number;
  /** In the worker: matching, our work only, and its longest slice. */
  matchMs: number;
  longestWorkerSliceMs: number;
}

let painter: HighlightPainter<Labeled> | undefined;

export async function labelSplit(): Promise<SplitResult> {
  painter ??= new HighlightPainter<Labeled>(document);
  painter.clear();
  await yieldToPage();
  // As src/content/lifecycle.ts scan() does it, each step its own task (or slices of tasks): reading,
  // the date, the request; then the answer's lookup, the labels, the painting.
  const read = await timedSlices(readArticleInSteps(document));
  const blocks = read.value;
  await yieldToPage();
  let t = now();
  const articleDate = readPublicationDate(document)?.date ?? null;
  const request: MatchRequest = { blocks: matchInputOf(blocks), title: document.title };
  const beforeMs = now() - t;
  // Sending copies the article's text: a task of its own, as in scan().
  await yieldToPage();
  const matched = await ask<WorkerAnswer>({ type: 'match', ...request });
  t = now();
  const lookup = lookupOf(matched.answer);
  const lookupMs = now() - t;
  await yieldToPage();
  const label = await timedSlices(
    labelMatchesInSteps(blocks, matched.answer.matches, lookup, FILTER, { articleDate }),
  );
  const labeled = label.value;
  await yieldToPage();
  const paint = await timedSlices(painter.paintInSteps(labeled));
  return {
    labels: labeled.length,
    words: blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0),
    pageMs: read.workMs + beforeMs + lookupMs + label.workMs + paint.workMs,
    longestPageSliceMs: Math.max(read.longestMs, beforeMs, lookupMs, label.longestMs, paint.longestMs),
    matchMs: matched.matchMs,
    longestWorkerSliceMs: matched.longestSliceMs,
  };
}
