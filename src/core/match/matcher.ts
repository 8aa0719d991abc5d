import type { AttributeId, ClaimPack, Subject } from '../pack/schema';
import { collapse } from '../text';
import {
  ANAPHOR,
  assertsSomething,
  CLAIM_MARKER,
  deniesClaim,
  isGenericStatement,
  overtakenExpectation,
} from './assertion';
import { readAttributeValues } from './attributes';
import { type CompiledClaim, hydrateIndex, type MatchIndex } from './compile';
import { normalize, pageStemKeys, tokenize } from './normalize';
import { keepsClearOf, numberAgrees } from './numbers';
import { ranker } from './rank';
import { segmentSentences } from './segment';
import { detectSubjects, resolveSubjects, subjectCompatible } from './subject';
import { cellsWithStatus, isStatusLabel, readKeyValueTables } from './tables';
import { type ClaimHit, type PreparedSentence, prepare, scoreHit, verify } from './verify';

export type { MatchIndex } from './compile';
export type { ClaimHit } from './verify';

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

const V4_SUBJECTS = new Set<Subject>([
  'deepseek-v4',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'deepseek-v4.1-flash',
]);

// As the sentence's subject (its first words), not as a comparison ("a tenth of the previous model's").
/** Anything that could name a model, DeepSeek's or another lab's; a block without it keeps the context. */
const MODEL_HINT =
  /v\d|r1|r2|pro|flash|deep ?seek|深度求索|kimi|moonshot|gpt|claude|gemini|llama|qwen|mistral|grok|glm|ernie|doubao|phi-/;

const EARLIER_MODELS =
  /^(?:[\w']+ ){0,2}(?:(?:previous|earlier|past|prior|older|last year's)(?: [\w']+){0,2} (?:models?|versions?|releases?|generations?)|predecessors?)(?![\p{L}])/u;
const EARLIER_SUBJECTS: Subject[] = ['deepseek', 'deepseek-v3', 'deepseek-r1'];

/** The first V4 model the page names, headline first; null when it names none (then nothing is labeled). */
function pageV4Subject(texts: string[]): Subject | null {
  for (const text of texts) {
    const { models, compared } = detectSubjects(normalize(text).text);
    const v4 = [...models, ...compared].find((m) => V4_SUBJECTS.has(m));
    if (v4) return v4;
  }
  return null;
}

export function compileMatcher(pack: Pick<ClaimPack, 'claims'>, prebuilt?: MatchIndex): Matcher {
  const { compiled, index, numberOnly } = hydrateIndex(pack.claims, prebuilt);
  const rankHits = ranker(pack.claims);
  // Claims that give a value of a measurable attribute, and those that stand for any other value of it.
  const valueClaims = new Map<AttributeId, CompiledClaim[]>();
  const topicOf = new Map(pack.claims.map((c) => [c.id, c.topic]));
  const otherValueClaims = new Map<AttributeId, CompiledClaim[]>();
  for (const c of compiled) {
    const { attribute, otherValue } = c.claim.match;
    if (!attribute) continue;
    const map = otherValue ? otherValueClaims : valueClaims;
    map.set(attribute, [...(map.get(attribute) ?? []), c]);
  }

  /**
   * A figure the sentence gives for a measurable attribute of a model it names ("V4 has 1.2 trillion
   * parameters"): a value some claim knows is left to that claim; a value none knows, for a V4 model, is checked
   * against the official figure through the attribute's "other value" claim. This catches misreports no
   * one has catalogued.
   */
  function checkAttributeValues(sentence: PreparedSentence, subjects: Subject[], hits: ClaimHit[]): void {
    const compatible = (c: CompiledClaim) => subjects.some((s) => subjectCompatible(c.claim.subject, s));
    for (const { attribute, number } of readAttributeValues(sentence.tokens, sentence.numbers)) {
      // "More than 1T" bounds a value; "trillion-level" names a magnitude: neither is a misreported value.
      if (number.qualifier === 'over' || keepsClearOf(number) || number.magnitude) continue;
      // A claim knows the value when it names it and the sentence gives every figure the claim needs
      // ("256K to 1M" is one claim; "256K" alone is not it).
      const known = (valueClaims.get(attribute) ?? []).filter(
        (c) =>
          compatible(c) &&
          c.claim.match.numbers.some((n) => numberAgrees(n, number)) &&
          c.claim.match.numbers.every((n) => sentence.numbers.some((f) => numberAgrees(n, f))),
      );
      // A known value is labeled (or not) by its own claim's terms, which tell "1M context" from "far
      // beyond 1M"; only an unknown value needs the official figure.
      if (known.length > 0) continue;
      for (const c of otherValueClaims.get(attribute) ?? []) {
        // A claim of the pack on the same topic already speaks for this sentence (a rumored variant's
        // size, say): the figure is that claim's, not an unknown value.
        const covered = hits.some(
          (h) => h.claimId === c.claim.id || topicOf.get(h.claimId) === c.claim.topic,
        );
        if (compatible(c) && !covered) hits.push(scoreHit(c, sentence, 2, false));
      }
    }
  }

  /**
   * "V4-Pro: trillion-level parameters" (or "over a trillion") gives V4-Pro's size as a magnitude or a
   * bound, which its own figure (1.6T) meets; it does not state the family's rumored 1T. Such a figure
   * states a value claim about another model than the one the sentence names only when the pack knows no
   * value of that attribute for the named model.
   */
  function magnitudeOfAnother(c: CompiledClaim, sentence: PreparedSentence, named?: Subject): boolean {
    const { attribute, numbers } = c.claim.match;
    if (!attribute || !named || c.claim.subject === named || numbers.length === 0) return false;
    const byValue = numbers.every((n) =>
      sentence.numbers.some((f) => !f.magnitude && f.qualifier !== 'over' && numberAgrees(n, f)),
    );
    return !byValue && (valueClaims.get(attribute) ?? []).some((v) => v.claim.subject === named);
  }

  function mayMatter(block: MatchInputBlock): boolean {
    const text = normalize(
      [block.rowHeader, block.columnHeader, block.label, block.text].filter(Boolean).join(' '),
    ).text;
    if (MODEL_HINT.test(text)) return true;
    if (numberOnly.length > 0 && /\d/.test(text)) return true;
    for (const token of tokenize(text))
      if (pageStemKeys(token.word).some((key) => index.has(key))) return true;
    return false;
  }

  function candidates(sentence: PreparedSentence): number[] {
    const groupsHit = new Map<number, Set<number>>();
    for (const key of sentence.stemKeys) {
      for (const [claim, group] of index.get(key) ?? []) {
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

  function matchDocument(blocks: MatchInputBlock[], options: { title?: string } = {}): DocumentMatches {
    const steps = matchDocumentInSteps(blocks, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /** The same work, pausable after every block so a caller can give the page its main thread back. */
  function* matchDocumentInSteps(
    input: MatchInputBlock[],
    { title = '' }: { title?: string } = {},
  ): Generator<void, DocumentMatches> {
    const matches: SentenceMatch[] = [];
    const unmatchedV4Sentences: SentenceSpan[] = [];
    // Only pages about V4 are labeled. The V3 and company facts in the database are there to label the
    // comparisons V4 articles make; a V3-only or Kimi article gets nothing.
    const pageSubject = pageV4Subject([title, ...input.map((b) => b.text)]);
    if (!pageSubject) return { matches, unmatchedV4Sentences };
    const blocks = readKeyValueTables(input);
    const statusRows = cellsWithStatus(blocks);
    // Until a sentence names a model, and again after each heading that names none, the page is about the
    // V4 model it names first.
    let context: Subject | null = pageSubject;
    // Items of one list each continue the sentence that introduced the list, not each other: a stray
    // "R1" in one item does not make the next item about R1.
    let listContext: Subject | null = null;
    let previousKind: string | undefined;
    for (const [blockIndex, block] of blocks.entries()) {
      if (block.kind === 'list-item') {
        if (previousKind !== 'list-item') listContext = context;
        else context = listContext ?? context;
      }
      previousKind = block.kind;
      if (block.kind === 'heading' && detectSubjects(normalize(block.text).text).models.length === 0) {
        context = pageSubject;
      }
      // Most blocks of a long article name no model and hold no claim's key term: they change nothing,
      // so they are not segmented or matched at all.
      if (!mayMatter(block)) {
        yield;
        continue;
      }
      const headerSubjects = block.columnHeader ? detectSubjects(normalize(block.columnHeader).text) : null;
      for (const { start, end } of segmentSentences(block.text, block.breaks)) {
        const text = block.text.slice(start, end);
        // A table cell is read with its row and column headers ("Total Parameters" | "V4-Pro" | "1.6T"):
        // they name what the cell's value is and which model it is for.
        const caption =
          block.rowHeader || block.columnHeader
            ? [block.rowHeader, block.columnHeader].filter(Boolean).join(' ')
            : block.label;
        const sentence = prepare(text, caption);
        const own = detectSubjects(sentence.normalized);
        if (headerSubjects && own.models.length === 0) own.models.push(...headerSubjects.models);
        // "Earlier models from the company…", "its predecessor…": DeepSeek's earlier models, not the new one.
        const subjects =
          own.models.length === 0 && EARLIER_MODELS.test(sentence.normalized)
            ? EARLIER_SUBJECTS
            : resolveSubjects(own, context);
        if (own.models.length > 0 && !block.columnHeader) context = own.models[0]!;
        if (subjects.length === 0) continue;
        // A row's header cell names a field ("Open Weights Available", "1M input tokens"); the claim is in
        // the cells beside it.
        if (block.tableHeader || (block.rowHeader && collapse(block.rowHeader) === collapse(block.text)))
          continue;
        const span = { blockIndex, start, end, text };
        const named = own.models.length > 0;
        // A table cell with several figures ("1M / 384K") pairs them with header parts we cannot tell apart.
        const readsValues = named || (block.kind === 'table-cell' && sentence.numbers.length === 1);
        const found = new Set(candidates(sentence));
        // Nothing to check: leave the sentence before the (costlier) look at what it asserts.
        if (found.size === 0 && !(readsValues && sentence.numbers.length > 0)) {
          if (own.models.some((m) => V4_SUBJECTS.has(m))) unmatchedV4Sentences.push(span);
          continue;
        }
        const ownText = sentence.own;
        // A status cell ("CONFIRMED") is a label; the cell it rates states the row's claim.
        const statusCell = isStatusLabel(block);
        const rated = statusRows.has(blockIndex);
        const asserts =
          !statusCell &&
          (rated ||
            assertsSomething({
              normalized: ownText,
              kind: block.kind,
              hasFigure: sentence.numbers.length > 0,
              words: sentence.ownWords,
              headed: block.kind === 'table-cell' && Boolean(block.rowHeader),
            }));
        if (!asserts) continue;
        // "Mixture-of-experts models split work…" speaks of models in general; it can still state a fact
        // about the company ("Previous DeepSeek models were…"), never one about a model it does not name.
        const generic = !named && isGenericStatement(ownText);
        // A heading states a claim only when it names the model and gives a figure ("V4 Leak: 1 Trillion
        // Parameters"); "What 1 Trillion Parameters Actually Means" names a topic.
        if (block.kind === 'heading' && !named) continue;
        // A claim that rests on one topic word ("Engram") needs the sentence itself to speak of the model:
        // by name or by pointing back to it. Otherwise any sentence explaining Engram would read as "V4 uses
        // Engram".
        // List items and table cells continue what introduced them; a sentence that reports or predicts
        // ("Another rumored feature is…", "it could…") is about the model the article is about.
        const speaksOfModel =
          named ||
          block.kind === 'list-item' ||
          block.kind === 'table-cell' ||
          ANAPHOR.test(sentence.normalized) ||
          CLAIM_MARKER.test(sentence.normalized);
        const denies = deniesClaim(sentence.normalized);
        const overtaken = overtakenExpectation(sentence.normalized);
        const expectation = overtaken === undefined ? undefined : prepare(overtaken);
        const hits: ClaimHit[] = [];
        for (const ci of found) {
          const c = compiled[ci]!;
          if (!subjects.some((s) => subjectCompatible(c.claim.subject, s))) continue;
          // A sentence saying a claim failed or is false agrees with what is known: it is not the claim.
          if (denies && c.claim.tier === 'contradicted') continue;
          // "Originally expected in February, then pushed back": the February claim is told as overtaken.
          if (expectation && c.claim.tier === 'contradicted' && verify(c, expectation)) continue;
          if (c.claim.subject !== 'deepseek' && generic) continue;
          const hit = verify(c, sentence);
          // A sentence that names no model and only shares a topic word with the claim is background,
          // unless it reads like the claim itself (most of a paraphrase, three words or more).
          const topicOnly = c.claim.subject !== 'deepseek' && !speaksOfModel && c.topicWordOnly;
          const readsLikeClaim = hit !== null && hit.wordOverlap >= 0.6 && hit.sharedWords >= 3;
          if (hit && (!topicOnly || readsLikeClaim) && !magnitudeOfAnother(c, sentence, own.models[0]))
            hits.push(hit);
        }
        if (readsValues) checkAttributeValues(sentence, subjects, hits);
        if (hits.length > 0) {
          matches.push({ ...span, hits: rankHits(hits) });
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
