/**
 * Bundled (esbuild, IIFE) and injected into benchmark pages. Exposes the REAL content-script modules and
 * timed drivers for them on window.__clBench; it holds no matching or highlighting logic of its own.
 * The drivers call the modules in the order src/content/claim-lens.ts scan() does.
 */
import type { ClaimPack } from '../src/claims/schema';
import { highlightRange, removeAllHighlights } from '../src/highlight/highlighter';
import { extractBlocks, findArticleRoot } from '../src/match/extract';
import { pageMentionsDeepSeek } from '../src/match/gate';
import { compileMatcher, type Matcher } from '../src/match/matcher';

/** Mirrors HIGHLIGHTS_PER_SLICE in src/content/claim-lens.ts: highlights applied before yielding. */
const HIGHLIGHTS_PER_SLICE = 25;

const now = () => performance.now();

export interface GateResult {
  mentions: boolean;
  textLength: number;
  /** The very first call on the page (cold regex, cold textContent path). */
  firstMs: number;
  samplesMs: number[];
}

function gate(runs: number): GateResult {
  let t = now();
  const mentions = pageMentionsDeepSeek(document);
  const firstMs = now() - t;
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    pageMentionsDeepSeek(document);
    samplesMs.push(now() - t);
  }
  return { mentions, textLength: document.body?.textContent?.length ?? 0, firstMs, samplesMs };
}

export interface StageTimes {
  gate: number;
  parse: number;
  compile: number;
  extract: number;
  match: number;
  highlight: number;
  remove: number;
  /** Longest synchronous run: gate → match is one task in scan(); highlights then go in slices. */
  longestChunk: number;
  highlightSlices: number[];
}

export interface PipelineResult {
  times: StageTimes;
  mentions: boolean;
  blocks: number;
  textChars: number;
  sentencesMatched: number;
  hits: number;
  highlights: number;
  marks: number;
  marksAfterRemove: number;
}

let cachedMatcher: { json: string; matcher: Matcher; tiers: Map<string, string> } | undefined;

/**
 * One scan as the content script does it: gate, JSON.parse of the bundled pack, compileMatcher, clean-up of
 * old marks, findArticleRoot + extractBlocks (+ the re-scan signature), matchDocument; then every match
 * highlighted in slices; then every highlight removed (what a re-scan or settings change does).
 * With `reuseMatcher`, parse and compile are skipped after the first call (they happen once per page).
 */
function pipeline(packJson: string, reuseMatcher: boolean): PipelineResult {
  const t0 = now();
  const mentions = pageMentionsDeepSeek(document);
  const t1 = now();
  let parse = 0;
  let compile = 0;
  if (!reuseMatcher || cachedMatcher?.json !== packJson) {
    const pack = JSON.parse(packJson) as ClaimPack;
    const t2 = now();
    const matcher = compileMatcher(pack);
    compile = now() - t2;
    parse = t2 - t1;
    cachedMatcher = { json: packJson, matcher, tiers: new Map(pack.claims.map((c) => [c.id, c.tier])) };
  }
  const { matcher, tiers } = cachedMatcher!;
  const t3 = now();
  removeAllHighlights(document);
  const blocks = extractBlocks(findArticleRoot(document), {
    skip: (el) => el.tagName.toLowerCase() === 'claim-lens-card',
  });
  const signature = blocks.map((b) => b.text).join('\u0000');
  const t4 = now();
  const { matches } = matcher.matchDocument(blocks, { title: document.title });
  const t5 = now();

  const highlightSlices: number[] = [];
  let sliceStart = now();
  let highlights = 0;
  let hits = 0;
  for (const match of matches) {
    hits += match.hits.length;
    const best = match.hits[0]!;
    const handle = highlightRange(
      blocks[match.blockIndex]!,
      match.start,
      match.end,
      {
        'data-claim-id': best.claimId,
        'data-claim-tier': tiers.get(best.claimId) ?? 'rumor',
        'aria-description': `Claim Lens: claim${match.hits.length > 1 ? ` and ${match.hits.length - 1} more` : ''}. Focus or press Enter for details.`,
      },
      `cl-${highlights + 1}`,
    );
    if (!handle) continue;
    if (++highlights % HIGHLIGHTS_PER_SLICE === 0) {
      const end = now();
      highlightSlices.push(end - sliceStart);
      sliceStart = end;
    }
  }
  const t6 = now();
  if (highlights % HIGHLIGHTS_PER_SLICE !== 0 || highlights === 0) highlightSlices.push(t6 - sliceStart);
  const marks = document.querySelectorAll('claim-lens-mark').length;
  const t7 = now();
  removeAllHighlights(document);
  const t8 = now();
  const firstTask = t5 - t0;
  return {
    times: {
      gate: t1 - t0,
      parse,
      compile,
      extract: t4 - t3,
      match: t5 - t4,
      highlight: t6 - t5,
      remove: t8 - t7,
      longestChunk: Math.max(firstTask, ...highlightSlices, t8 - t7),
      highlightSlices,
    },
    mentions,
    blocks: blocks.length,
    textChars: signature.length,
    sentencesMatched: matches.length,
    hits,
    highlights,
    marks,
    marksAfterRemove: document.querySelectorAll('claim-lens-mark').length,
  };
}

export interface ScalingResult {
  claimCount: number;
  compileMs: number[];
  matchMs: number[];
  sentencesMatched: number;
  hits: number;
  hitIds: string[];
}

/** compileMatcher and matchDocument timed separately; the first run of each is the cold one. */
function scaling(packJson: string, compileRuns: number, matchRuns: number): ScalingResult {
  const pack = JSON.parse(packJson) as ClaimPack;
  const compileMs: number[] = [];
  let matcher: Matcher | undefined;
  for (let i = 0; i < compileRuns; i++) {
    const t = now();
    matcher = compileMatcher(pack);
    compileMs.push(now() - t);
  }
  const blocks = extractBlocks(findArticleRoot(document));
  const matchMs: number[] = [];
  const options = { title: document.title };
  let result = matcher!.matchDocument(blocks, options);
  for (let i = 0; i < matchRuns; i++) {
    const t = now();
    result = matcher!.matchDocument(blocks, options);
    matchMs.push(now() - t);
  }
  const hitIds = [...new Set(result.matches.flatMap((m) => m.hits.map((h) => h.claimId)))].sort();
  return {
    claimCount: matcher!.claimCount,
    compileMs,
    matchMs,
    sentencesMatched: result.matches.length,
    hits: result.matches.reduce((n, m) => n + m.hits.length, 0),
    hitIds,
  };
}

const retained: unknown[] = [];

/** Parses and compiles a pack and keeps both reachable, for heap measurement around this call. */
function retainDatabase(packJson: string): number {
  const pack = JSON.parse(packJson) as ClaimPack;
  const matcher = compileMatcher(pack);
  retained.push({ pack, matcher });
  return matcher.claimCount;
}

/** Outer HTML of the element the extension reads as the article. */
function articleHtml(): string {
  return findArticleRoot(document).innerHTML;
}

const api = { gate, pipeline, scaling, retainDatabase, articleHtml };
export type ClaimLensBench = typeof api;
(globalThis as unknown as { __clBench: ClaimLensBench }).__clBench = api;
