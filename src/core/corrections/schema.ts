import { z } from 'zod';
import { TierSchema } from '../tier-schema';
import { TIER_IDS } from '../tiers';

/**
 * A reader's correction, the one definition every part uses: the popup form, storage, the export file,
 * the GitHub issue and the maintainer's review script. Types are inferred from it. This module is plain
 * TypeScript (no browser APIs) so scripts/corrections-review.ts can import it in Node.
 */

export const CORRECTION_KINDS = ['wrong-match', 'wrong-tier', 'missing-claim'] as const;
export const CorrectionKindSchema = z.enum(CORRECTION_KINDS);
export type CorrectionKind = z.infer<typeof CorrectionKindSchema>;

export const KIND_LABELS: Record<CorrectionKind, { title: string; short: string }> = {
  'wrong-match': { title: 'This sentence is not that claim', short: 'Wrong match' },
  'wrong-tier': { title: 'The tier is wrong or outdated', short: 'Wrong or outdated tier' },
  'missing-claim': { title: 'A V4 claim here is not highlighted', short: 'Missed claim' },
};

/**
 * Reasons to tick, per kind, in the manner of Community Notes' structured ratings: a maintainer can
 * count them across readers, which free text does not allow.
 */
export const REASON_TAGS = {
  'wrong-match': {
    'different-claim': 'It states a different claim',
    'other-model': 'It is about another model or version',
    'denies-or-doubts': 'It denies, doubts or debunks the claim',
    'numbers-differ': 'The numbers are different',
    'not-a-claim': 'It is not a claim (a heading, question or quote of a name)',
  },
  'wrong-tier': {
    'new-evidence': 'Newer evidence has changed it',
    'official-statement': 'DeepSeek confirmed or denied it',
    'source-misread': 'The cited source says something else',
    'too-strong': 'The tier is too strong for the evidence',
    'too-weak': 'The evidence is stronger than the tier',
  },
  'missing-claim': {
    'known-claim-missed': 'It is a claim Claim Lens knows, worded differently',
    'new-claim': 'It is a claim Claim Lens does not know yet',
    'different-model-mixup': 'The page mixes V4 up with another model',
  },
} as const satisfies Record<CorrectionKind, Record<string, string>>;

type ReasonOf<K extends CorrectionKind> = keyof (typeof REASON_TAGS)[K] & string;
const reasonsOf = <K extends CorrectionKind>(kind: K) =>
  Object.keys(REASON_TAGS[kind]) as [ReasonOf<K>, ...ReasonOf<K>[]];

export const CORRECTION_STATUSES = ['draft', 'filed', 'sent', 'exported'] as const;
export const CorrectionStatusSchema = z.enum(CORRECTION_STATUSES);
export type CorrectionStatus = z.infer<typeof CorrectionStatusSchema>;

export const STATUS_LABELS: Record<CorrectionStatus, string> = {
  draft: 'Draft',
  filed: 'Saved here, not sent yet',
  sent: 'Sent as a GitHub issue',
  exported: 'Copied or downloaded to send',
};

export const NOTE_MAX = 500;
export const SENTENCE_MAX = 1500;
export const TITLE_MAX = 300;
export const URL_MAX = 2000;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const HttpUrlSchema = (what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(URL_MAX, `Keep ${what} under ${URL_MAX} characters.`)
    .refine(
      isHttpUrl,
      `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a full http:// or https:// address.`,
    );

const ClaimIdSchema = z
  .string({ error: 'The claim id is missing.' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'The claim id is not a valid claim id.');

const BaseFields = {
  /** Random, so imports from several readers never collide. */
  id: z.string().min(8, 'The correction id is missing.').max(64),
  sentence: z
    .string({ error: 'The sentence is missing.' })
    .trim()
    .min(1, 'Enter the sentence from the page.')
    .max(SENTENCE_MAX, `Keep the sentence under ${SENTENCE_MAX} characters.`),
  pageUrl: HttpUrlSchema('the page address'),
  pageTitle: z.string().max(TITLE_MAX, `Keep the page title under ${TITLE_MAX} characters.`),
  packVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'The claim pack version must look like 1.2.3.'),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX, {
      error: (issue) => `Keep the note to ${NOTE_MAX} characters (it has ${(issue.input as string).length}).`,
    })
    .default(''),
  status: CorrectionStatusSchema,
  createdAt: z.iso.datetime({ error: 'The creation date is not a valid date.' }),
};

const reasonList = <K extends CorrectionKind>(kind: K, min: number) =>
  z
    .array(z.enum(reasonsOf(kind), { error: 'This reason is not one of the listed reasons.' }))
    .min(min, 'Tick at least one reason.')
    .refine((tags) => new Set(tags).size === tags.length, 'A reason is ticked twice.');

export const WrongMatchSchema = z.strictObject({
  kind: z.literal('wrong-match'),
  claimId: ClaimIdSchema,
  /** The claim's tier when the reader saw it, so a reviewer sees what they saw. */
  currentTier: TierSchema.optional(),
  reasonTags: reasonList('wrong-match', 1),
  ...BaseFields,
});

export const WrongTierSchema = z
  .strictObject({
    kind: z.literal('wrong-tier'),
    claimId: ClaimIdSchema,
    currentTier: TierSchema.optional(),
    proposedTier: z.enum(TIER_IDS, { error: 'Choose the tier you propose.' }),
    evidenceUrl: HttpUrlSchema('the address of the evidence'),
    reasonTags: reasonList('wrong-tier', 1),
    ...BaseFields,
  })
  .refine((c) => c.currentTier === undefined || c.proposedTier !== c.currentTier, {
    path: ['proposedTier'],
    error: 'Propose a tier other than the current one.',
  });

export const MissingClaimSchema = z.strictObject({
  kind: z.literal('missing-claim'),
  /** Optional for a missed claim: the reader may not know how well supported it is. */
  proposedTier: TierSchema.optional(),
  evidenceUrl: z
    .string()
    .trim()
    .max(URL_MAX, `Keep the address of the evidence under ${URL_MAX} characters.`)
    .refine(
      (u) => u === '' || isHttpUrl(u),
      'The address of the evidence must be a full http:// or https:// address.',
    )
    .optional(),
  reasonTags: reasonList('missing-claim', 0).default([]),
  ...BaseFields,
});

export const CorrectionSchema = z.discriminatedUnion(
  'kind',
  [WrongMatchSchema, WrongTierSchema, MissingClaimSchema],
  {
    error: 'The correction kind must be wrong-match, wrong-tier or missing-claim.',
  },
);
export type Correction = z.infer<typeof CorrectionSchema>;
export type ClaimCorrection = Extract<Correction, { claimId: string }>;

/**
 * What the form holds while the reader types: any field may be empty or wrong, and is still kept, so
 * nothing typed is lost when the popup closes. It becomes a Correction only through validateDraft.
 */
export const DraftSchema = z.strictObject({
  id: z.string().min(8).max(64),
  kind: CorrectionKindSchema,
  claimId: z.string().optional(),
  currentTier: TierSchema.optional(),
  sentence: z.string().max(SENTENCE_MAX * 4),
  pageUrl: z.string().max(8000),
  pageTitle: z.string().max(TITLE_MAX * 4),
  packVersion: z.string().max(40),
  reasonTags: z.array(z.string().max(60)).max(20),
  note: z.string().max(NOTE_MAX * 20),
  proposedTier: TierSchema.optional(),
  evidenceUrl: z.string().max(8000),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CorrectionDraft = z.infer<typeof DraftSchema>;

export type DraftField = keyof Pick<
  CorrectionDraft,
  | 'kind'
  | 'claimId'
  | 'sentence'
  | 'pageUrl'
  | 'pageTitle'
  | 'packVersion'
  | 'reasonTags'
  | 'note'
  | 'proposedTier'
  | 'evidenceUrl'
>;

export interface FieldError {
  /** The form field to show it next to; 'form' when it is about the correction as a whole. */
  field: DraftField | 'form';
  message: string;
}

export type DraftResult = { ok: true; correction: Correction } | { ok: false; errors: FieldError[] };

const FORM_FIELDS = new Set<string>([
  'kind',
  'claimId',
  'sentence',
  'pageUrl',
  'pageTitle',
  'packVersion',
  'reasonTags',
  'note',
  'proposedTier',
  'evidenceUrl',
]);

/** One message per field, the first zod gives, in terms a reader can act on. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const top = String(issue.path[0] ?? 'form');
    const field = (FORM_FIELDS.has(top) ? top : 'form') as FieldError['field'];
    if (!seen.has(field)) seen.set(field, { field, message: issue.message });
  }
  return [...seen.values()];
}

/** Turns the form's draft into a filed correction, or says what to fix, field by field. */
export function validateDraft(draft: CorrectionDraft): DraftResult {
  const { updatedAt: _updated, ...fields } = draft;
  const candidate: Record<string, unknown> = { ...fields, status: 'filed' };
  // Fields that do not belong to the chosen kind are left out rather than reported.
  if (draft.kind === 'missing-claim') {
    delete candidate.claimId;
    delete candidate.currentTier;
    if (!draft.evidenceUrl.trim()) delete candidate.evidenceUrl;
  } else if (draft.kind === 'wrong-match') {
    delete candidate.proposedTier;
    delete candidate.evidenceUrl;
  }
  const allowed = new Set<string>(Object.keys(REASON_TAGS[draft.kind]));
  candidate.reasonTags = draft.reasonTags.filter((tag) => allowed.has(tag));
  const parsed = CorrectionSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, correction: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error) };
}

export function newCorrectionId(): string {
  return crypto.randomUUID();
}

export function newDraft(
  fields: Pick<CorrectionDraft, 'kind' | 'sentence' | 'pageUrl' | 'pageTitle' | 'packVersion'> &
    Partial<Pick<CorrectionDraft, 'claimId' | 'currentTier'>>,
  now = new Date(),
): CorrectionDraft {
  const at = now.toISOString();
  return {
    id: newCorrectionId(),
    reasonTags: [],
    note: '',
    evidenceUrl: '',
    createdAt: at,
    updatedAt: at,
    ...fields,
    sentence: fields.sentence.replace(/\s+/g, ' ').trim().slice(0, SENTENCE_MAX),
    pageTitle: fields.pageTitle.slice(0, TITLE_MAX),
  };
}

export function reasonLabel(kind: CorrectionKind, tag: string): string {
  return (REASON_TAGS[kind] as Record<string, string>)[tag] ?? tag;
}
