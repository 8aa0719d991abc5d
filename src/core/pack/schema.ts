import { z } from 'zod';
import { TierSchema } from '../tier-schema';
import { SOURCE_KINDS } from './source-kinds';

/**
 * The single definition of the claim pack. Types are inferred from it; nothing else restates its shape.
 * Validation runs at build time (scripts/claims-check.ts and the build hook), never on page load.
 */

export { TierSchema } from '../tier-schema';
export { TIER_IDS, TIER_SEVERITY, type Tier } from '../tiers';

/** A date as precise as the material allows: 2026, 2026-04 or 2026-04-24. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDateSchema>;

const HttpUrlSchema = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'only http(s) URLs are allowed');

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)');

export {
  isPrimaryKind,
  PRIMARY_SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type SourceKind,
} from './source-kinds';
export const SourceKindSchema = z.enum(SOURCE_KINDS);

export const SourceSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(3),
  /** True when `title` is our description of the source, not its real headline (which we do not have). */
  descriptive: z.boolean().optional(),
  publisher: z.string().min(2),
  /** When the source was published; partial dates allowed. A source without any date is invalid. */
  date: PartialDateSchema,
  kind: SourceKindSchema,
  /** Only where the material gives the actual address. */
  url: HttpUrlSchema.optional(),
  /** Where in the shared research this source is described (e.g. "v4-facts.md §2.1"). Reviewers only: never shown to readers. */
  citedIn: z.string().min(3),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * Which model (or the company) a claim is about. The matcher only accepts a sentence whose subject,
 * explicit or inherited from its surroundings, is compatible with this.
 */
export const SUBJECTS = [
  'deepseek',
  'deepseek-v4',
  'deepseek-v4-pro',
  'deepseek-v4-flash',
  'deepseek-v4.1-flash',
  'deepseek-v3',
  'deepseek-v3.1',
  'deepseek-v3.2',
  'deepseek-v3.2-exp',
  'deepseek-r1',
] as const;
export const SubjectSchema = z.enum(SUBJECTS);
export type Subject = z.infer<typeof SubjectSchema>;

export const TierStepSchema = z.strictObject({
  tier: TierSchema,
  /** When the claim entered this tier. */
  since: PartialDateSchema,
  /** What moved it, in one sentence ("the model card gave 1.6T / 49B"). */
  note: z.string().min(3),
  /** True when the date or a figure in the note is worked out (a passed window, a ratio), not stated by a source. */
  computed: z.boolean().optional(),
});
export type TierStep = z.infer<typeof TierStepSchema>;

export const NUMBER_KINDS = ['count', 'percent', 'usd', 'multiplier'] as const;
export const NumberKindSchema = z.enum(NUMBER_KINDS);
export type NumberKind = z.infer<typeof NumberKindSchema>;

export const ExpectedNumberSchema = z.strictObject({
  /** The canonical value: one trillion = 1e12, 1M tokens = 1e6, 90% = 90, $0.27 = 0.27, 10x = 10. */
  value: z.number().finite(),
  kind: NumberKindSchema,
  /** Relative tolerance: 0.05 lets 1,048,576 equal 1M; 1.6T never equals 1T at any sane tolerance. */
  tolerance: z.number().min(0).max(0.5).default(0.05),
  /**
   * "far-over": the claim is that the figure is far exceeded ("far beyond 1M tokens"), so only a sentence
   * that says so ("far beyond", "well over", "way more than") states it. Without it the claim gives a value,
   * which a figure said to be far exceeded or undercut does not state ("1M+" does: 1,048,576 is 1M+).
   */
  qualifier: z.enum(['far-over']).optional(),
});
export type ExpectedNumber = z.infer<typeof ExpectedNumberSchema>;

/** Measurable attributes the matcher can read as "model + attribute + value" in any wording. */
export const ATTRIBUTE_IDS = ['total-parameters', 'active-parameters', 'context-length'] as const;
export type AttributeId = (typeof ATTRIBUTE_IDS)[number];

export const MatchSpecSchema = z.strictObject({
  /**
   * Term groups that must ALL be present in the sentence; each group lists alternatives.
   * Terms are matched on normalized words; a term's last word also matches longer forms
   * ("parameter" matches "parameters"). Example: [["engram"], ["memory", "memory architecture"]].
   */
  all: z.array(z.array(z.string().min(2)).min(1)).default([]),
  /** Numbers that must all appear (in any written form). */
  numbers: z.array(ExpectedNumberSchema).default([]),
  /** If any of these terms is present the sentence is not this claim (e.g. "v3" for a V4-only claim). */
  none: z.array(z.string().min(2)).default([]),
  /** Neutral paraphrases of how articles state it; used to score how close a sentence is. */
  paraphrases: z.array(z.string().min(8)).min(1),
  /**
   * The measurable attribute this claim gives a value for (its `numbers`), so a sentence stating that
   * attribute with a value no claim knows can be checked against the official figure.
   */
  attribute: z.enum(ATTRIBUTE_IDS).optional(),
  /**
   * This claim stands for "any other value" of `attribute`: it labels a sentence that gives the attribute a
   * value no claim of the pack names (e.g. "V4 has 1.2 trillion parameters"). Needs `attribute`.
   */
  otherValue: z.literal(true).optional(),
});
export type MatchSpec = z.infer<typeof MatchSpecSchema>;

export const SeedQuoteSchema = z.strictObject({
  /** File name in ../shared/seeds without extension, e.g. "004_feafada67e23f17f". */
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}$/, 'must name a seed file'),
  /** Verbatim text from the seed that states the claim. */
  text: z.string().min(2),
});

export const RELATION_TYPES = ['contradicts', 'superseded-by', 'supersedes', 'related'] as const;

export const ClaimSchema = z.strictObject({
  id: SlugSchema,
  subject: SubjectSchema,
  /** Topic for summaries and grouping: parameters, context, engram, pricing, release... */
  topic: SlugSchema,
  /** The claim itself, stated once, plainly and neutrally ("V4 has about 1T parameters"); never reported speech. */
  statement: z.string().min(10),
  /** One sentence a reader takes in at a glance: what settles the claim, with the official figure if there is one. */
  settles: z.string().min(10),
  tier: TierSchema,
  /** Why it has that tier, with the evidence it rests on; one or two sentences. */
  rationale: z.string().min(10),
  /** Dated steps, oldest first; the last step's tier is the current tier. */
  history: z.array(TierStepSchema).min(1),
  origin: z.strictObject({
    /** Who first made the claim, or "unknown". */
    claimant: z.string().min(2),
    date: z.union([PartialDateSchema, z.literal('unknown')]),
    /** The source where it first appears, if the material names it. */
    sourceId: SlugSchema.optional(),
  }),
  evidence: z
    .strictObject({
      /** Sources that settle the tier, primary first. Never an article that carries the claim. */
      settles: z.array(SlugSchema).default([]),
      /** Articles that carry or repeat the claim; what the claim was found in, not proof of it. */
      carries: z.array(SlugSchema).default([]),
    })
    .default({ settles: [], carries: [] }),
  seeds: z.array(SeedQuoteSchema).default([]),
  match: MatchSpecSchema,
  related: z.array(z.strictObject({ type: z.enum(RELATION_TYPES), claimId: SlugSchema })).default([]),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const PackMetaSchema = z.strictObject({
  id: SlugSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be semver x.y.z'),
  asOf: PartialDateSchema,
  title: z.string().min(3),
});
export type PackMeta = z.infer<typeof PackMetaSchema>;

export const ClaimPackSchema = PackMetaSchema.extend({
  sources: z.array(SourceSchema),
  claims: z.array(ClaimSchema),
});
export type ClaimPack = z.infer<typeof ClaimPackSchema>;
