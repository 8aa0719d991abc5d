import Fuse from 'fuse.js';
import type { Claim, ClaimPack, Subject } from '../pack/schema';
import { findTerm, normalize, stemKey, type Token, termWords, tokenize } from './normalize';
import { extractNumbers, type FoundNumber, numberAgrees } from './numbers';
import { segmentSentences } from './segment';
import { detectSubjects, resolveSubjects, subjectCompatible } from './subject';

/**
 * Finds the sentences of an article that state known claims. Pure: it sees text blocks, not the DOM, so the
 * content script and the Node `scan` command run exactly this code.
 *
 * Pipeline per sentence: candidates from an index of key-term stems → every term group, number and the
 * subject verified → fuzzy (fuse.js) only to rescue one misspelt term → a match strength in [0, 1].
 */

export interface MatchInputBlock {
  text: string;
  /** Offsets of <br> line breaks inside text; sentences never cross them. */
  breaks?: number[];
  kind?: string;
  rowHeader?: string;
  columnHeader?: string;
  /** A bare figure's caption ("40%" + "Memory Reduction" in an infographic tile). */
  label?: string;
  /** A table's header cell: it names a field, it states nothing. */
  tableHeader?: boolean;
}

export interface ClaimHit {
  claimId: string;
  /** How sure we are that the sentence states this claim (not how true the claim is). */
  strength: number;
  /** Every number the claim needs was found, in any written form. */
  numbersMatched: boolean;
  /** A key term was only found approximately (a misspelling or variant). */
  approximate: boolean;
  /** Share of the closest paraphrase's content words present in the sentence. */
  wordOverlap: number;
}

export interface SentenceSpan {
  blockIndex: number;
  /** Offsets into the block's text. */
  start: number;
  end: number;
  text: string;
}

export interface SentenceMatch extends SentenceSpan {
  hits: ClaimHit[];
}

export interface DocumentMatches {
  matches: SentenceMatch[];
  /** Sentences that name a V4 model but state no known claim: candidates for new database entries. */
  unmatchedV4Sentences: SentenceSpan[];
}

interface CompiledClaim {
  claim: Claim;
  /** group → alternatives → words */
  groups: string[][][];
  none: string[][];
  paraphraseStems: Set<string>[];
}

export interface Matcher {
  /** `title` counts as a V4 mention too: a headline naming V4 makes the page a V4 article. */
  matchDocument(blocks: MatchInputBlock[], options?: { title?: string }): DocumentMatches;
  /** The same, one step per block, for callers that must yield to the page between steps. */
  matchDocumentInSteps(
    blocks: MatchInputBlock[],
    options?: { title?: string },
  ): Generator<void, DocumentMatches>;
  claimCount: number;
}

const STOPWORDS = new Set(
  'the a an and or of to in on for with by at from as is are was were be been its it that this these those than then will would could may might can has have had do does about around over into up more most less very only just not no also deepseek model models'.split(
    ' ',
  ),
);

function contentStems(tokens: Token[]): Set<string> {
  const stems = new Set<string>();
  for (const t of tokens) if (t.word.length >= 3 && !STOPWORDS.has(t.word)) stems.add(stemKey(t.word));
  return stems;
}

function compileClaim(claim: Claim): CompiledClaim {
  return {
    claim,
    groups: claim.match.all.map((group) => group.map(termWords).filter((w) => w.length > 0)),
    none: claim.match.none.map(termWords).filter((w) => w.length > 0),
    paraphraseStems: claim.match.paraphrases.map((p) => contentStems(tokenize(normalize(p).text))),
  };
}

const CONDITIONAL_START = /^(?:[\w ]{1,24}:\s*)?(?:if|whether|until|unless)\s/;

const V4_SUBJECTS = new Set<Subject>([
  'deepseek-v4',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'deepseek-v4.1-flash',
]);

interface PreparedSentence {
  tokens: Token[];
  stemKeys: Set<string>;
  numbers: FoundNumber[];
  normalized: string;
  fuse?: Fuse<string>;
}

/**
 * fuse.js verifies one short key term against one sentence; it never searches the whole database. Terms with
 * digits are never fuzzy ("model1" is not "model"), nor are short ones.
 */
function fuzzyContains(sentence: PreparedSentence, term: string): boolean {
  // At 7+ letters and threshold 0.15 Bitap allows one edit: "benchmrk" finds "benchmark", but a short
  // term is never stretched onto a different word ("expert" is not "expect").
  if (term.length < 7 || term.length > 32 || /\d/.test(term)) return false;
  // A misspelling nearly always keeps the first letters; checking them first skips most Bitap searches,
  // which were the largest cost of matching (measured by npm run bench).
  if (!sentence.normalized.includes(term.slice(0, 3))) return false;
  sentence.fuse ??= new Fuse([sentence.normalized], {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.15,
    minMatchCharLength: 5,
  });
  return sentence.fuse.search(term).length > 0;
}

function verify(compiled: CompiledClaim, sentence: PreparedSentence): ClaimHit | null {
  const { claim } = compiled;
  for (const words of compiled.none) if (findTerm(sentence.tokens, words) >= 0) return null;
  for (const expected of claim.match.numbers) {
    if (!sentence.numbers.some((found) => numberAgrees(expected, found))) return null;
  }
  let exactGroups = 0;
  const missing: string[][][] = [];
  for (const group of compiled.groups) {
    if (group.some((words) => findTerm(sentence.tokens, words) >= 0)) exactGroups++;
    else missing.push(group);
  }
  // One group may be rescued by an approximate match (a typo), never more, and only when other evidence
  // (another term group or a number) matched exactly: a lone fuzzy term is no evidence at all.
  if (missing.length > 1) return null;
  const approximate = missing.length === 1;
  if (approximate) {
    if (exactGroups + claim.match.numbers.length === 0) return null;
    if (!missing[0]!.some((words) => fuzzyContains(sentence, words.join(' ')))) return null;
  }
  let wordOverlap = 0;
  for (const stems of compiled.paraphraseStems) {
    if (stems.size === 0) continue;
    let shared = 0;
    for (const s of stems) if (sentence.stemKeys.has(s)) shared++;
    wordOverlap = Math.max(wordOverlap, shared / stems.size);
  }
  // Strength grows with independent evidence (each term group and each number that matched) and with how
  // much of a paraphrase the sentence repeats. One generic term alone stays below the default threshold
  // unless the sentence also reads like the claim.
  const evidence = exactGroups + (approximate ? 0.5 : 0) + claim.match.numbers.length;
  const hasNumbers = claim.match.numbers.length > 0;
  const strength = Math.min(1, 0.2 + 0.15 * Math.min(evidence, 3) + 0.4 * wordOverlap);
  return {
    claimId: claim.id,
    strength: Math.round(strength * 100) / 100,
    numbersMatched: hasNumbers,
    approximate,
    wordOverlap: Math.round(wordOverlap * 100) / 100,
  };
}

function mentionsV4(texts: string[]): boolean {
  return texts.some((text) => {
    const { models, compared } = detectSubjects(normalize(text).text);
    return [...models, ...compared].some((m) => V4_SUBJECTS.has(m));
  });
}

export function compileMatcher(pack: Pick<ClaimPack, 'claims'>): Matcher {
  const compiled = pack.claims.map(compileClaim);
  // Index: stem of each alternative's first word → (claim, group). Claims with no term groups are checked
  // whenever the sentence has numbers.
  const index = new Map<string, { claim: number; group: number }[]>();
  const numberOnly: number[] = [];
  compiled.forEach((c, ci) => {
    if (c.groups.length === 0) numberOnly.push(ci);
    c.groups.forEach((group, gi) => {
      // One entry per (key, claim, group): alternatives of a group often share a stem ("agent", "agentic").
      for (const key of new Set(group.map((words) => stemKey(words[0]!)))) {
        const list = index.get(key) ?? [];
        list.push({ claim: ci, group: gi });
        index.set(key, list);
      }
    });
  });

  function candidates(sentence: PreparedSentence): number[] {
    const groupsHit = new Map<number, Set<number>>();
    for (const key of sentence.stemKeys) {
      for (const { claim, group } of index.get(key) ?? []) {
        const hit = groupsHit.get(claim) ?? new Set<number>();
        hit.add(group);
        groupsHit.set(claim, hit);
      }
    }
    const result: number[] = [];
    for (const [ci, hit] of groupsHit) {
      // Allow one group to be missing here: verify() may rescue it with an approximate match.
      if (hit.size >= Math.max(1, compiled[ci]!.groups.length - 1)) result.push(ci);
    }
    if (sentence.numbers.length > 0) result.push(...numberOnly);
    return result;
  }

  function prepare(text: string): PreparedSentence {
    const normalized = normalize(text).text;
    const tokens = tokenize(normalized);
    const stemKeys = new Set<string>();
    for (const t of tokens) stemKeys.add(stemKey(t.word));
    return { tokens, stemKeys, numbers: extractNumbers(normalized), normalized };
  }

  function matchDocument(blocks: MatchInputBlock[], options: { title?: string } = {}): DocumentMatches {
    const steps = matchDocumentInSteps(blocks, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /** The same work, pausable after every block so a caller can give the page its main thread back. */
  function* matchDocumentInSteps(
    blocks: MatchInputBlock[],
    { title = '' }: { title?: string } = {},
  ): Generator<void, DocumentMatches> {
    const matches: SentenceMatch[] = [];
    const unmatchedV4Sentences: SentenceSpan[] = [];
    // Only pages about V4 are labeled. The V3 and company facts in the database are there to label the
    // comparisons V4 articles make; a V3-only or Kimi article gets nothing.
    if (!mentionsV4([title, ...blocks.map((b) => b.text)])) return { matches, unmatchedV4Sentences };
    let context: Subject | null = null;
    for (const [blockIndex, block] of blocks.entries()) {
      const headerSubjects = block.columnHeader ? detectSubjects(normalize(block.columnHeader).text) : null;
      for (const { start, end } of segmentSentences(block.text, block.breaks)) {
        const text = block.text.slice(start, end);
        // A table cell's row header names what the cell's value is ("Total Parameters" | "671B").
        const caption = block.rowHeader ?? block.label;
        const sentence = prepare(caption ? `${caption}: ${text}` : text);
        const own = detectSubjects(sentence.normalized);
        if (headerSubjects && own.models.length === 0) own.models.push(...headerSubjects.models);
        const subjects = resolveSubjects(own, context);
        if (own.models.length > 0 && !block.columnHeader) context = own.models[0]!;
        if (subjects.length === 0) continue;
        // A row's header cell names a field ("Open Weights Available"); the claim is in the cells beside it.
        if (block.tableHeader) continue;
        // Conditionals and open questions assert nothing: "If these capabilities hold true, V4 could…".
        if (CONDITIONAL_START.test(sentence.normalized)) continue;
        const hits: ClaimHit[] = [];
        for (const ci of new Set(candidates(sentence))) {
          const c = compiled[ci]!;
          if (!subjects.some((s) => subjectCompatible(c.claim.subject, s))) continue;
          const hit = verify(c, sentence);
          if (hit) hits.push(hit);
        }
        const span = { blockIndex, start, end, text };
        if (hits.length > 0) {
          hits.sort((a, b) => b.strength - a.strength);
          matches.push({ ...span, hits });
        } else if (own.models.some((m) => V4_SUBJECTS.has(m))) {
          unmatchedV4Sentences.push(span);
        }
      }
      yield;
    }
    return { matches, unmatchedV4Sentences };
  }

  return { matchDocument, matchDocumentInSteps, claimCount: compiled.length };
}
