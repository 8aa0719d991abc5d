/**
 * Bundled (esbuild, IIFE) and injected into benchmark pages. Exposes the REAL content-script modules and
 * timed drivers for them on window.__clBench; it holds no matching or highlighting logic of its own.
 * The drivers call the modules in the order src/content/claim-lens.ts scan() does.
 */

import { compileMatcher, type Matcher } from '../src/core/match/matcher';
import { warmUpSegmenter } from '../src/core/match/segment';
import type { ClaimPack } from '../src/core/pack/schema';
import { extractBlocks, findArticleRoot } from '../src/page/extract';
import { highlightRange, removeAllHighlights } from '../src/page/highlighter';
import { pageMentionsDeepSeek } from '../src/page/mentions';
import { runInSlices, SLICE_MS, yieldToPage } from '../src/page/schedule';

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
  /** warmUpSegmenter(): the first Intl.Segmenter of the page, a slice of its own in scan(). */
  segmenter: number;
  extract: number;
  /** Sum of the matchDocumentInSteps slices run by runInSlices. */
  match: number;
  highlight: number;
  remove: number;
  /** Every synchronous run of our work between two yields, in order (the tasks scan() makes). */
  chunks: number[];
  matchSlices: number;
  highlightSlices: number;
  /** From the first call to the last mark, including the time other tasks ran between our slices. */
  wallMs: number;
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
 * Slices of runInSlices(steps): a slice runs from a resume (the start, or a `stillWanted` call right after a
 * yield) to the end of the last step before the next resume.
 */
async function matchInSlices(matcher: Matcher, blocks: Parameters<Matcher['matchDocument']>[0]) {
  const stepEnds: number[] = [];
  const resumes: number[] = [now()];
  function* timed() {
    const steps = matcher.matchDocumentInSteps(blocks, { title: document.title });
    for (;;) {
      const step = steps.next();
      stepEnds.push(now());
      if (step.done) return step.value;
      yield;
    }
  }
  const result = await runInSlices(timed(), () => {
    resumes.push(now());
    return true;
  });
  const slices = resumes.map((resume, i) => {
    const next = resumes[i + 1] ?? Number.POSITIVE_INFINITY;
    const lastEnd = stepEnds.filter((t) => t >= resume && t < next).at(-1) ?? resume;
    return lastEnd - resume;
  });
  return { result: result!, slices };
}

/**
 * One scan in the order and slices of src/content/claim-lens.ts scan(): gate; database (JSON.parse of the
 * bundled pack + compileMatcher); warmUpSegmenter; clean-up of old marks + findArticleRoot + extractBlocks
 * (+ the re-scan signature); matchDocumentInSteps through runInSlices; highlights in SLICE_MS slices; and then
 * every highlight removed (what a re-scan or a settings change does). Yields between stages as scan() does.
 * With `reuseMatcher`, parse and compile are skipped after the first call (they happen once per page).
 */
async function pipeline(packJson: string, reuseMatcher: boolean): Promise<PipelineResult> {
  const chunks: number[] = [];
  const t0 = now();
  const mentions = pageMentionsDeepSeek(document);
  const gate = now() - t0;
  chunks.push(gate);

  let parse = 0;
  let compile = 0;
  if (!reuseMatcher || cachedMatcher?.json !== packJson) {
    const t1 = now();
    const pack = JSON.parse(packJson) as ClaimPack;
    const t2 = now();
    const matcher = compileMatcher(pack);
    compile = now() - t2;
    parse = t2 - t1;
    cachedMatcher = { json: packJson, matcher, tiers: new Map(pack.claims.map((c) => [c.id, c.tier])) };
    chunks.push(parse + compile);
  }
  const { matcher, tiers } = cachedMatcher!;
  await yieldToPage();

  const t3 = now();
  warmUpSegmenter();
  const segmenter = now() - t3;
  chunks.push(segmenter);
  await yieldToPage();

  const t4 = now();
  removeAllHighlights(document);
  // The card host's tag (CARD_TAG in src/ui/card-host.tsx, not imported: it pulls in Preact and CSS).
  const blocks = extractBlocks(findArticleRoot(document), {
    skip: (el) => el.tagName.toLowerCase() === 'claim-lens-card',
  });
  const signature = blocks.map((b) => b.text).join('\u0000');
  const extract = now() - t4;
  chunks.push(extract);
  await yieldToPage();

  const { result, slices } = await matchInSlices(matcher, blocks);
  chunks.push(...slices);
  const { matches } = result;

  let highlights = 0;
  let hits = 0;
  let highlight = 0;
  let highlightSlices = 0;
  let sliceStart = now();
  const closeSlice = () => {
    const ms = now() - sliceStart;
    highlight += ms;
    chunks.push(ms);
    highlightSlices++;
  };
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
    if (handle) highlights++;
    if (now() - sliceStart > SLICE_MS) {
      closeSlice();
      await yieldToPage();
      sliceStart = now();
    }
  }
  closeSlice();
  const wallMs = now() - t0;
  const marks = document.querySelectorAll('claim-lens-mark').length;

  const t7 = now();
  removeAllHighlights(document);
  const remove = now() - t7;
  chunks.push(remove);
  return {
    times: {
      gate,
      parse,
      compile,
      segmenter,
      extract,
      match: slices.reduce((a, b) => a + b, 0),
      highlight,
      remove,
      chunks,
      matchSlices: slices.length,
      highlightSlices,
      wallMs,
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
