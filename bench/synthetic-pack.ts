import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { readPackFiles } from '../src/build/load-node';
import type { Claim, ClaimPack, ClaimPackSchema, ExpectedNumber } from '../src/core/pack/schema';
import { formatProblems, validatePack } from '../src/core/pack/validate';

/**
 * Claim packs for the benchmark: the real pack from data/ (validated exactly as the build does), a small
 * built-in fallback pack for when data/ is not written yet, and packs scaled to k× the claim count by
 * perturbing real claims.
 */

type PackInput = z.input<typeof ClaimPackSchema>;
type ClaimInput = PackInput['claims'][number];

export interface BasePack {
  pack: ClaimPack;
  origin: 'data' | 'fallback';
}

function validated(raw: unknown, what: string): ClaimPack {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`${what} is invalid:\n${formatProblems(result.problems.slice(0, 20))}`);
  return result.pack;
}

/** The real pack when data/claims holds claim files, else the fallback below. */
export function loadBasePack(dataDir: string): BasePack {
  const claimsDir = join(dataDir, 'claims');
  const hasClaims = existsSync(claimsDir) && readdirSync(claimsDir).some((f) => f.endsWith('.json'));
  if (hasClaims) return { pack: validated(readPackFiles(dataDir), `The pack in ${dataDir}`), origin: 'data' };
  return { pack: validated(FALLBACK_PACK, 'The fallback bench pack'), origin: 'fallback' };
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

/** The base pack with (factor - 1) perturbed copies of every claim, validated with the zod schema. */
export function scalePack(base: ClaimPack, factor: number): ClaimPack {
  if (factor === 1) return base;
  const claims = [...base.claims];
  for (let k = 1; k < factor; k++) claims.push(...base.claims.map((c) => perturb(c, k)));
  return validated({ ...base, claims }, `The ${factor}× synthetic pack`);
}

/** Writes a pack as a data/ directory (pack.json, sources.json, claims/*.json) for a throwaway build. */
export function writePackDir(pack: ClaimPack, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'claims'), { recursive: true });
  const { sources, claims, ...meta } = pack;
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(meta, null, 2));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources, null, 2));
  writeFileSync(join(dir, 'claims', 'claims.json'), JSON.stringify(claims, null, 2));
}

// --- Fallback pack ---------------------------------------------------------------------------------------
// Used only while data/ is empty. Modelled on shared/research/v4-facts.md and the seed articles so it
// matches real sentences of the fixture pages; its content is not reviewed and never ships.

function claim(
  id: string,
  topic: string,
  tier: ClaimInput['tier'],
  match: ClaimInput['match'],
  subject: ClaimInput['subject'] = 'deepseek-v4',
): ClaimInput {
  return {
    id,
    subject,
    topic,
    statement: `Bench fallback claim ${id}: ${match.paraphrases[0]}`,
    settles: 'Bench fallback pack: nothing settles it.',
    tier,
    rationale: 'Bench fallback pack, modelled on the published V4 facts; not reviewed.',
    history: [{ tier, since: '2026-04', note: 'bench fallback' }],
    origin: { claimant: 'unknown', date: 'unknown', sourceId: 'bench-notes' },
    evidence: { settles: ['bench-notes'], carries: [] },
    match,
  };
}

const count = (value: number, tolerance?: number) => ({ value, kind: 'count' as const, tolerance });
const percent = (value: number) => ({ value, kind: 'percent' as const });
const usd = (value: number) => ({ value, kind: 'usd' as const });

const FALLBACK_PACK: PackInput = {
  id: 'bench-fallback',
  version: '0.0.1',
  asOf: '2026-09',
  title: 'Bench fallback pack (synthetic)',
  sources: [
    {
      id: 'bench-notes',
      title: 'Bench fallback source (stands in for the model card)',
      publisher: 'Claim Lens bench',
      date: '2026-09',
      kind: 'model-card',
      descriptive: true,
      citedIn: 'v4-facts.md',
    },
  ],
  claims: [
    claim('v4-one-trillion', 'parameters', 'contradicted', {
      all: [['parameter', 'param']],
      numbers: [count(1e12)],
      paraphrases: ['DeepSeek V4 has around one trillion parameters'],
    }),
    claim('v4-moe', 'architecture', 'confirmed', {
      all: [['mixture of experts', 'moe']],
      paraphrases: ['DeepSeek V4 uses a Mixture-of-Experts design'],
    }),
    claim('v4-1m-context', 'context', 'confirmed', {
      all: [['context', 'token']],
      numbers: [count(1e6)],
      paraphrases: ['DeepSeek V4 supports a context window of one million tokens'],
    }),
    claim('v4-engram', 'engram', 'contradicted', {
      all: [['engram'], ['memory']],
      paraphrases: ['DeepSeek V4 uses the Engram memory architecture'],
    }),
    claim('v4-engram-vector-db', 'engram', 'rumor', {
      all: [['engram'], ['vector database', 'vector']],
      paraphrases: ['Engram stores long-term memory in a vector database'],
    }),
    claim('v4-model1-tiered-kv', 'model1', 'rumor', {
      all: [['tiered kv', 'tiered'], ['cache']],
      paraphrases: ['MODEL1 uses a tiered KV cache across GPU, RAM and disk'],
    }),
    claim('v4-kv-40-percent', 'model1', 'rumor', {
      all: [['memory']],
      numbers: [percent(40)],
      paraphrases: ['The tiered KV cache reduces GPU memory use by about 40%'],
    }),
    claim('v4-sparse-fp8', 'model1', 'speculative', {
      all: [['sparse fp8', 'fp8']],
      paraphrases: ['DeepSeek V4 uses sparse FP8 decoding'],
    }),
    claim('v4-mhc', 'mhc', 'confirmed', {
      all: [['mhc', 'hyper connections']],
      paraphrases: ['DeepSeek V4 uses mHC manifold-constrained hyper-connections'],
    }),
    claim('v4-humaneval-90', 'benchmarks', 'rumor', {
      all: [['humaneval']],
      numbers: [percent(90)],
      paraphrases: ['DeepSeek V4 scores about 90% on HumanEval'],
    }),
    claim('v4-swe-bench-80', 'benchmarks', 'reported', {
      all: [['swe bench', 'swe']],
      numbers: [percent(80)],
      paraphrases: ['DeepSeek V4 scores more than 80% on SWE-bench Verified'],
    }),
    claim('v4-10-40x-cheaper', 'pricing', 'speculative', {
      all: [['cost', 'cheaper', 'price']],
      numbers: [{ value: 40, kind: 'multiplier' }],
      paraphrases: ['DeepSeek V4 is 10 to 40 times cheaper than Western competitors'],
    }),
    claim('v4-dual-rtx-4090', 'hardware', 'rumor', {
      all: [['rtx 4090', '4090', 'dual gpu', 'dual rtx']],
      paraphrases: ['DeepSeek V4 runs on dual RTX 4090 cards'],
    }),
    claim('v4-huawei-ascend', 'hardware', 'reported', {
      all: [['huawei', 'ascend']],
      paraphrases: ['DeepSeek collaborated with Huawei on Ascend chips for V4'],
    }),
    claim('v4-lunar-new-year', 'release', 'contradicted', {
      all: [['lunar new year', 'february', 'mid february']],
      paraphrases: ['DeepSeek V4 launches around Lunar New Year in February 2026'],
    }),
    claim('v4-multimodal-generation', 'multimodal', 'contradicted', {
      all: [['multimodal', 'image and video generation', 'video generation']],
      paraphrases: ['DeepSeek V4 launches with image and video generation'],
    }),
    claim('v4-open-source', 'license', 'confirmed', {
      all: [['open source', 'open weights', 'open weight', 'mit', 'apache']],
      paraphrases: ['DeepSeek V4 is released as open weights under a permissive license'],
    }),
    claim('v4-coding-focus', 'coding', 'reported', {
      all: [['coding', 'programming', 'code']],
      paraphrases: ['DeepSeek V4 is focused on coding and programming tasks'],
    }),
    claim('v4-unified-reasoning', 'reasoning', 'speculative', {
      all: [['reasoning'], ['single', 'unified', 'combine']],
      paraphrases: ['DeepSeek V4 combines reasoning and general tasks in a single model'],
    }),
    claim('v4-top16-moe', 'architecture', 'rumor', {
      all: [['top 16', 'routed']],
      paraphrases: ['DeepSeek V4 uses Top-16 routed MoE'],
    }),
    claim('v4-model1-codename', 'model1', 'speculative', {
      all: [['model1']],
      paraphrases: ['MODEL1 is the codename of DeepSeek V4'],
    }),
    claim('v4-pro-1-6t', 'parameters', 'confirmed', {
      all: [['parameter']],
      numbers: [count(1.6e12)],
      paraphrases: ['DeepSeek V4-Pro has 1.6T total parameters'],
    }),
    claim('v4-flash-284b', 'parameters', 'confirmed', {
      all: [['parameter']],
      numbers: [count(284e9)],
      paraphrases: ['DeepSeek V4-Flash has 284B total parameters'],
    }),
    claim('v4-flash-price-in', 'pricing', 'confirmed', {
      all: [['input', 'price']],
      numbers: [usd(0.14)],
      paraphrases: ['DeepSeek V4-Flash costs $0.14 per million input tokens'],
    }),
    claim('v4-release-april', 'release', 'confirmed', {
      all: [['april', 'released', 'preview']],
      paraphrases: ['DeepSeek V4 preview was released on April 24, 2026'],
    }),
    claim('v4-cross-file-reasoning', 'coding', 'speculative', {
      all: [
        ['cross file', 'repository'],
        ['reasoning', 'debugging', 'refactoring'],
      ],
      paraphrases: ['DeepSeek V4 performs cross-file reasoning across large codebases'],
    }),
    claim('v4-market-share-25', 'market', 'reported', {
      all: [['market share', 'share']],
      numbers: [percent(25)],
      paraphrases: ["DeepSeek's open-source market share dropped from 50% to under 25%"],
    }),
    claim(
      'v3-671b',
      'parameters',
      'confirmed',
      {
        all: [['parameter']],
        numbers: [count(671e9)],
        paraphrases: ['DeepSeek V3 has 671B total parameters'],
      },
      'deepseek-v3',
    ),
    claim(
      'v3-128k',
      'context',
      'confirmed',
      {
        all: [['context', 'token']],
        numbers: [count(128e3)],
        paraphrases: ['DeepSeek V3 supports a 128K context window'],
      },
      'deepseek-v3',
    ),
    claim(
      'engram-paper',
      'engram',
      'confirmed',
      {
        all: [['engram', 'conditional memory'], ['paper']],
        paraphrases: ['DeepSeek published the Engram conditional memory paper'],
      },
      'deepseek',
    ),
  ],
};
