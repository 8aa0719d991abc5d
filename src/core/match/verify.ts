import Fuse from 'fuse.js';
import { figureNamesClass, isClassMention } from './assertion';
import { figureIsOtherwise } from './attributes';
import type { CompiledClaim } from './compile';
import { insideCompoundName } from './lexicon';
import { findTerm, normalize, pageStemKeys, stemKey, type Token, tokenize } from './normalize';
import { extractNumbers, type FoundNumber, keepsClearOf, numberAgrees } from './numbers';
import { figureOfOtherModel } from './subject';

/**
 * One sentence against one candidate claim: every term group, figure and exclusion checked, fuse.js only
 * to rescue one misspelt term, and a match strength in [0, 1].
 */

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
  /** How many of that paraphrase's content words the sentence has. */
  sharedWords: number;
  /** Independent pieces of evidence that matched: term groups and figures. */
  evidence: number;
}

export interface PreparedSentence {
  /** The sentence's own words, normalized, without the caption it is read with. */
  own: string;
  ownWords: number;
  tokens: Token[];
  words: string[];
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

export function verify(compiled: CompiledClaim, sentence: PreparedSentence): ClaimHit | null {
  const { claim } = compiled;
  for (const words of compiled.none) if (findTerm(sentence.tokens, words) >= 0) return null;
  const { attribute } = claim.match;
  for (const expected of claim.match.numbers) {
    // A measured value ("V4 has a 1M context") is not stated by a figure said to be far exceeded or
    // undercut ("far beyond 1M tokens", "under 1M tokens").
    const agrees = (found: FoundNumber) =>
      numberAgrees(expected, found) &&
      !(attribute && !expected.qualifier && keepsClearOf(found)) &&
      !(attribute && figureIsOtherwise(sentence.tokens, found, attribute)) &&
      !figureNamesClass(sentence.tokens, found) &&
      !figureOfOtherModel(sentence.normalized, found.start);
    if (!sentence.numbers.some(agrees)) return null;
  }
  let exactGroups = 0;
  const missing: number[] = [];
  compiled.groups.forEach((group, gi) => {
    const found = group.some((words) => {
      // An alternative whose first word's stem the sentence lacks cannot be in it: skip the scan.
      if (!sentence.stemKeys.has(stemKey(words[0]!))) return false;
      // Every occurrence until one counts: "context window … release window".
      for (
        let at = findTerm(sentence.tokens, words);
        at >= 0;
        at = findTerm(sentence.tokens, words, at + 1)
      ) {
        if (isClassMention(sentence.words, at, words.length)) continue;
        if (insideCompoundName(sentence.words, at, words.length)) continue;
        return true;
      }
      return false;
    });
    if (found) exactGroups++;
    else missing.push(gi);
  });
  // A distinctive figure for the right model says which claim this is however it is worded: "V4-Flash is
  // untouched at $0.14" states the $0.14 price without the word "input".
  if (missing.length > 0 && compiled.distinctiveFigures) {
    return scoreHit(compiled, sentence, exactGroups + claim.match.numbers.length, false);
  }
  // One group may be rescued by an approximate match (a typo), never more, and only when other evidence
  // (another term group or a number) matched exactly: a lone fuzzy term is no evidence at all.
  if (missing.length > 1) return null;
  const approximate = missing.length === 1;
  if (approximate) {
    if (exactGroups + claim.match.numbers.length === 0) return null;
    if (!compiled.groups[missing[0]!]!.some((words) => fuzzyContains(sentence, words.join(' ')))) return null;
  }
  return scoreHit(
    compiled,
    sentence,
    exactGroups + (approximate ? 0.5 : 0) + claim.match.numbers.length,
    approximate,
  );
}

export function scoreHit(
  compiled: CompiledClaim,
  sentence: PreparedSentence,
  evidence: number,
  approximate: boolean,
): ClaimHit {
  let wordOverlap = 0;
  let sharedWords = 0;
  for (const stems of compiled.paraphraseStems) {
    if (stems.length === 0) continue;
    let shared = 0;
    for (const s of stems) if (sentence.stemKeys.has(s)) shared++;
    if (shared / stems.length > wordOverlap) {
      wordOverlap = shared / stems.length;
      sharedWords = shared;
    }
  }
  // Strength grows with independent evidence (each term group and each number that matched) and with how
  // much of a paraphrase the sentence repeats. One generic term alone stays below the default threshold
  // unless the sentence also reads like the claim.
  const strength = Math.min(1, 0.2 + 0.15 * Math.min(evidence, 3) + 0.4 * wordOverlap);
  return {
    claimId: compiled.claim.id,
    strength: Math.round(strength * 100) / 100,
    numbersMatched: compiled.claim.match.numbers.length > 0 || compiled.claim.match.otherValue === true,
    approximate,
    wordOverlap: Math.round(wordOverlap * 100) / 100,
    sharedWords,
    evidence,
  };
}

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

/** "2026-04-24" as articles write it in words, "april 24 2026", so date terms find it. */
function spellIsoDates(normalized: string): string {
  return normalized.replace(
    /(?<![\d-])(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])/g,
    (_, year: string, month: string, day: string) => `${MONTHS[Number(month) - 1]} ${Number(day)} ${year}`,
  );
}

/**
 * `caption` is the row header or tile label a value is read with: its words say what the value is, but
 * its figures are not values ("1M input tokens" | "$0.14" states a price, not a 1M context).
 */
export function prepare(text: string, caption?: string): PreparedSentence {
  const prefix = caption ? `${normalize(caption).text}: ` : '';
  // "1M+" is read by the number reader as a figure said to be exceeded.
  const own = spellIsoDates(normalize(text).text);
  const normalized = prefix + own;
  const tokens = tokenize(normalized);
  const stemKeys = new Set<string>();
  let ownWords = 0;
  for (const t of tokens) {
    for (const key of pageStemKeys(t.word)) stemKeys.add(key);
    if (t.start >= prefix.length) ownWords++;
  }
  const numbers = extractNumbers(normalized).filter((n) => n.start >= prefix.length);
  return { tokens, words: tokens.map((t) => t.word), stemKeys, numbers, normalized, own, ownWords };
}
