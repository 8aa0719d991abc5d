/**
 * Bundled (esbuild, IIFE), served as /claim-lens-bench.js and loaded into benchmark pages. Exposes the
 * content script's own modules, driven as the content script drives them, on window.__clBench. It holds
 * no matching or painting logic of its own.
 */

import { type Labeled, labelMatches, matchInputOf, readArticle } from '../src/content/labeler';
import { compileDatabase, type Database, matchSteps } from '../src/content/local-matching';
import type { MatchIndex } from '../src/core/match/compile';
import { warmUpSegmenter } from '../src/core/match/segment';
import type { ClaimPack } from '../src/core/pack/schema';
import { DEFAULT_MIN_STRENGTH } from '../src/core/settings/strength';
import { TIER_IDS } from '../src/core/tiers';
import { findArticleRoot } from '../src/page/extract';
import { HighlightPainter } from '../src/page/highlighter';
import { pageMentionsDeepSeek } from '../src/page/mentions';
import { readPublicationDate } from '../src/page/published-date';
import { runInSlices, yieldToPage } from '../src/page/schedule';
import { labelSplit, serveInWorker, startWorker } from './page-split';

const now = () => performance.now();

export interface GateResult {
  mentions: boolean;
  textLength: number;
  firstMs: number;
  warmMs: number[];
}

function gate(runs: number): GateResult {
  let t = now();
  const mentions = pageMentionsDeepSeek(document);
  const firstMs = now() - t;
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    pageMentionsDeepSeek(document);
    warmMs.push(now() - t);
  }
  return { mentions, textLength: document.body?.textContent?.length ?? 0, firstMs, warmMs };
}

export interface PackReady {
  parseMs: number;
  compileMs: number;
  claims: number;
}

let ready: Database | undefined;
let packText = '';
let indexText = '';

/** Fetches a pack's JSON text before any timing, as the labeler has it bundled as a string constant. */
async function fetchPack(url: string, indexUrl?: string): Promise<number> {
  packText = await (await fetch(url)).text();
  indexText = indexUrl === undefined ? '' : await (await fetch(indexUrl)).text();
  return packText.length;
}

/**
 * What the background (or the fallback) does before it can match: the bundled pack's JSON parsed, and its
 * build-time index (when fetched) parsed and hydrated into the matcher.
 */
function packReady(): PackReady {
  const t0 = now();
  const pack = JSON.parse(packText) as ClaimPack;
  const index = indexText === '' ? undefined : (JSON.parse(indexText) as MatchIndex);
  const t1 = now();
  ready = compileDatabase(pack, index);
  void ready.matcher;
  const t2 = now();
  return { parseMs: t1 - t0, compileMs: t2 - t1, claims: ready.matcher.claimCount };
}

export interface LabelResult {
  words: number;
  blocks: number;
  labels: number;
  /** Our work only (extract + label + paint), ms; the page's own tasks between our slices excluded. */
  workMs: number;
  extractMs: number;
  matchMs: number;
  paintMs: number;
}

/** The defaults: every tier, the default strength, nothing dismissed. */
const FILTER = { tiers: TIER_IDS, minStrength: DEFAULT_MIN_STRENGTH, emphasis: 'what-matters' as const };
let painter: HighlightPainter<Labeled> | undefined;

/**
 * One labeling pass with the database from packReady(), as src/content/lifecycle.ts scan() runs it: the
 * labeler's steps through runInSlices (yielding every PAGE_SLICE_MS), then the painter. Only the settings read,
 * site rules and dismissals (extension storage) are left out: the filter is the default one.
 */
async function label(): Promise<LabelResult> {
  if (!ready) throw new Error('packReady() first');
  const db = ready;
  warmUpSegmenter();
  await yieldToPage();
  let t = now();
  painter ??= new HighlightPainter<Labeled>(document);
  painter.clear();
  const blocks = readArticle(document, { skip: (el) => el.tagName.toLowerCase() === 'claim-lens-card' });
  const extractMs = now() - t;
  await yieldToPage();
  let matchMs = 0;
  const articleDate = readPublicationDate(document)?.date ?? null;
  function* timed() {
    const steps = matchSteps(db, matchInputOf(blocks), document.title);
    for (;;) {
      const s = now();
      const step = steps.next();
      matchMs += now() - s;
      if (step.done) return step.value;
      yield;
    }
  }
  const answer = (await runInSlices(timed(), () => true))!;
  const s = now();
  const labeled = labelMatches(blocks, answer.matches, db, FILTER, { articleDate });
  matchMs += now() - s;
  await yieldToPage();
  t = now();
  painter.paint(labeled);
  const paintMs = now() - t;
  const words = blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
  return {
    words,
    blocks: blocks.length,
    labels: labeled.length,
    workMs: extractMs + matchMs + paintMs,
    extractMs,
    matchMs,
    paintMs,
  };
}

/** The article root's HTML with trailing blocks dropped until it holds at most `words` words. */
function articleOfWords(words: number): { html: string; words: number } {
  const root = findArticleRoot(document);
  const count = () => (root.textContent ?? '').split(/\s+/).filter(Boolean).length;
  while (count() > words) {
    const last = Array.from(root.querySelectorAll('p, li, h2, h3, h4, tr, blockquote, figure')).at(-1);
    if (!last) break;
    last.remove();
  }
  return { html: root.innerHTML, words: count() };
}

function articleHtml(): string {
  return findArticleRoot(document).innerHTML;
}

const api = { gate, fetchPack, packReady, label, articleOfWords, articleHtml, startWorker, labelSplit };
export type ClaimLensBench = typeof api;
// The same bundle is the page's driver and, in a worker, the stand-in for the extension's background.
if (typeof document === 'undefined')
  serveInWorker(globalThis as unknown as Parameters<typeof serveInWorker>[0]);
else (globalThis as unknown as { __clBench: ClaimLensBench }).__clBench = api;
