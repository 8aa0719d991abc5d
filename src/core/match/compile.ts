import type { Claim } from '../pack/schema';
import { expandTerm } from './lexicon';
import { normalize, stemKey, type Token, termWords, tokenize } from './normalize';

/**
 * What the matcher needs of each claim, worked out once: term groups as word lists (with the lexicon's
 * synonyms), paraphrase stems, and an index from key-term stems to claims. It is plain data, so the build
 * computes it for the bundled pack and a page only turns it back into Maps and Sets (`hydrateIndex`).
 */

export interface CompiledClaim {
  claim: Claim;
  /** group → alternatives → words */
  groups: string[][][];
  none: string[][];
  /** Each paraphrase's content-word stems, each stem once (only ever counted, so plain arrays). */
  paraphraseStems: string[][];
  /** The claim's only evidence is one group of topic words: no figure, no second term. */
  topicWordOnly: boolean;
  /** Every figure the claim needs is specific enough to identify it alone (two significant digits or more). */
  distinctiveFigures: boolean;
}

/** The serializable form: one entry per claim of the pack, in pack order, plus the stem index. */
export interface MatchIndex {
  /** Which pack this index was computed for; another pack (an update) is compiled on the spot. */
  claimIds: string[];
  claims: {
    groups: string[][][];
    none: string[][];
    paraphraseStems: string[][];
    topicWordOnly: boolean;
    distinctiveFigures: boolean;
  }[];
  /** Stem of each alternative's first word → [claim, group] pairs. */
  index: [string, [number, number][]][];
  /** Claims with figures but no term groups: checked whenever a sentence has numbers. */
  numberOnly: number[];
}

/** 0.14, 1.74, 284B, 1.6T are specific; 1T, 1M, 90% or 10x are said of many things. */
function isDistinctive(value: number): boolean {
  const digits = Math.abs(value).toExponential().split('e')[0]!.replace(/[-.]/g, '').replace(/0+$/, '');
  return digits.length >= 2;
}

const STOPWORDS = new Set(
  'the a an and or of to in on for with by at from as is are was were be been its it that this these those than then will would could may might can has have had do does about around over into up more most less very only just not no also deepseek model models'.split(
    ' ',
  ),
);

function contentStems(tokens: Token[]): string[] {
  const stems = new Set<string>();
  for (const t of tokens) if (t.word.length >= 3 && !STOPWORDS.has(t.word)) stems.add(stemKey(t.word));
  return [...stems];
}

function compileClaim(claim: Claim): MatchIndex['claims'][number] {
  return {
    groups: claim.match.all.map((group) =>
      group.flatMap((term) => {
        const words = termWords(term);
        return words.length > 0 ? expandTerm(words) : [];
      }),
    ),

    none: claim.match.none.map(termWords).filter((w) => w.length > 0),
    paraphraseStems: claim.match.paraphrases.map((p) => contentStems(tokenize(normalize(p).text))),
    topicWordOnly: claim.match.numbers.length === 0 && claim.match.all.length <= 1,
    distinctiveFigures:
      claim.match.numbers.length > 0 && claim.match.numbers.every((n) => isDistinctive(n.value)),
  };
}

/** The index for a pack: run by the build for the bundled pack, and on the page only for an updated pack. */
export function buildMatchIndex(claims: readonly Claim[]): MatchIndex {
  const compiled = claims.map(compileClaim);
  const index = new Map<string, [number, number][]>();
  const numberOnly: number[] = [];
  compiled.forEach((c, ci) => {
    // "Other value" claims are found through the attribute reader only.
    if (claims[ci]!.match.otherValue) return;
    if (c.groups.length === 0) numberOnly.push(ci);
    c.groups.forEach((group, gi) => {
      // One entry per (key, claim, group): alternatives of a group often share a stem ("agent", "agentic").
      for (const key of new Set(group.map((words) => stemKey(words[0]!)))) {
        const list = index.get(key) ?? [];
        list.push([ci, gi]);
        index.set(key, list);
      }
    });
  });
  return { claimIds: claims.map((c) => c.id), claims: compiled, index: [...index], numberOnly };
}

/**
 * The pack as the build bundles it beside its index: the matching rules the index holds in compiled form
 * (term groups, exclusions, paraphrases), the research quotes and the relations between claims are left
 * empty, because nothing at run time reads them and parsing them is most of what loading the pack costs.
 * Figures, attributes and everything a card shows stay. Only valid with the index built from the same
 * claims: hydrateIndex refuses to compile such a pack itself (it would find nothing).
 */
export function withoutIndexedRules<P extends { claims: readonly Claim[] }>(pack: P): P {
  return {
    ...pack,
    claims: pack.claims.map((claim) => ({
      ...claim,
      seeds: [],
      related: [],
      match: { ...claim.match, all: [], none: [], paraphrases: [] },
    })),
  };
}

export interface HydratedIndex {
  compiled: CompiledClaim[];
  index: Map<string, [number, number][]>;
  numberOnly: number[];
}

/** Maps and Sets from the plain index; `prebuilt` is used only if it was computed for these claims. */
export function hydrateIndex(claims: readonly Claim[], prebuilt?: MatchIndex): HydratedIndex {
  const fits =
    prebuilt !== undefined &&
    prebuilt.claimIds.length === claims.length &&
    prebuilt.claimIds.every((id, i) => claims[i]!.id === id);
  // Every valid claim has a paraphrase; none means the bundled form, whose rules are only in its index.
  if (!fits && claims.some((c) => c.match.paraphrases.length === 0)) {
    throw new Error('These claims come without their matching rules and no index built for them was given.');
  }
  const plain = fits ? prebuilt : buildMatchIndex(claims);
  return {
    compiled: plain.claims.map((c, i) => ({ ...c, claim: claims[i]! })),
    index: new Map(plain.index),
    numberOnly: plain.numberOnly,
  };
}
