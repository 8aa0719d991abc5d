import { readPackFiles } from '../src/build/load-node';
import type { Claim, ClaimPack, ExpectedNumber } from '../src/core/pack/schema';
import { formatProblems, validatePack } from '../src/core/pack/validate';

/**
 * Claim packs for the benchmark: the real pack from data/ (validated exactly as the build does), and
 * synthetic packs of any size made by perturbing real claims.
 */

function validated(raw: unknown, what: string): ClaimPack {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`${what} is invalid:\n${formatProblems(result.problems.slice(0, 20))}`);
  return result.pack;
}

/** The pack in data/, validated as the build validates it. */
export function loadRealPack(dataDir: string): ClaimPack {
  return validated(readPackFiles(dataDir), `The pack in ${dataDir}`);
}

const SCALE_PREFIX_LENGTH = 4;

/**
 * Respells a term so it keeps its index key (the matcher indexes the first four letters of a term's first
 * word) but can no longer match page text, exactly or through the fuzzy rescue.
 */
function respell(term: string, k: number): string {
  return term
    .split(' ')
    .map((word) =>
      word.length >= SCALE_PREFIX_LENGTH
        ? `${word.slice(0, SCALE_PREFIX_LENGTH)}zq${k}${word.slice(SCALE_PREFIX_LENGTH)}`
        : `${word}zq${k}`,
    )
    .join(' ');
}

/**
 * An extra number no page can state: numbers found in text are never negative, and the tolerance is
 * relative to the expected value, so nothing is within it. Placed last, after the original's numbers.
 */
const impossibleNumber = (k: number): ExpectedNumber => ({
  value: -1.5e15 * k,
  kind: 'count',
  tolerance: 0.05,
});

/**
 * Copy k of a claim: a new id, and either one number no page can state appended (claims with numbers) or
 * one term group respelled (claims without). Index keys stay those of the original, so every copy becomes a
 * candidate wherever its original does: copies with numbers do all of the original's verify work and fail
 * on the last number; copies without fail a term group and go through the fuzzy (fuse.js) rescue attempt.
 * A conservative (worst-case) 10× pack, not a pack of unrelated claims that the index would mostly skip.
 */
function perturb(claim: Claim, k: number): Claim {
  const hasNumbers = claim.match.numbers.length > 0;
  const respelled = hasNumbers ? -1 : (k - 1) % Math.max(1, claim.match.all.length);
  return {
    ...claim,
    id: `${claim.id}-syn${k}`,
    statement: `${claim.statement} (synthetic variant ${k})`,
    match: {
      ...claim.match,
      all: claim.match.all.map((group, gi) => (gi === respelled ? group.map((t) => respell(t, k)) : group)),
      numbers: hasNumbers ? [...claim.match.numbers, impossibleNumber(k)] : claim.match.numbers,
      paraphrases: claim.match.paraphrases.map((p) => `${p} variant ${k}`),
    },
  };
}

/** The real claims and perturbed copies of them, `count` claims in all, validated with the zod schema. */
export function syntheticPack(base: ClaimPack, count: number): ClaimPack {
  const claims = [...base.claims];
  for (let k = 1; claims.length < count; k++) claims.push(...base.claims.map((c) => perturb(c, k)));
  return validated({ ...base, claims: claims.slice(0, count) }, `The ${count}-claim synthetic pack`);
}
