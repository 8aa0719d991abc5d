import type { z } from 'zod';
import { readerTextProblems } from './reader-text';
import { type ClaimPack, ClaimPackSchema, isPrimaryKind, type Source } from './schema';

/** One problem in a claim pack, precise enough to fix without searching: which entry, which field, what. */
export interface PackProblem {
  /** The claim or source id, or "pack" for pack-level fields. */
  entry: string;
  field: string;
  message: string;
}

export type PackResult = { ok: true; pack: ClaimPack } | { ok: false; problems: PackProblem[] };

function entryFor(raw: unknown, path: PropertyKey[]): string {
  const [list, index] = path;
  if ((list === 'claims' || list === 'sources') && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    return typeof item?.id === 'string' ? item.id : `${list}[${index}]`;
  }
  return 'pack';
}

function zodProblems(raw: unknown, error: z.ZodError): PackProblem[] {
  return error.issues.map((issue) => {
    const inEntry = issue.path[0] === 'claims' || issue.path[0] === 'sources';
    const fieldPath = inEntry ? issue.path.slice(2) : issue.path;
    return {
      entry: entryFor(raw, issue.path),
      field: fieldPath.map(String).join('.') || '(root)',
      message: issue.message,
    };
  });
}

function compareDates(a: string, b: string): number {
  // Partial dates compare correctly as strings because they share one zero-padded format.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cross-entry rules zod cannot express: uniqueness, references, history order. */
function referenceProblems(pack: ClaimPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const sources = new Map<string, Source>();
  for (const source of pack.sources) {
    if (sources.has(source.id))
      problems.push({ entry: source.id, field: 'id', message: 'duplicate source id' });
    sources.set(source.id, source);
  }
  const sourceIds = new Set(sources.keys());
  const claimIds = new Set<string>();
  for (const claim of pack.claims) {
    if (claimIds.has(claim.id))
      problems.push({ entry: claim.id, field: 'id', message: 'duplicate claim id' });
    claimIds.add(claim.id);
  }
  for (const claim of pack.claims) {
    const at = (field: string, message: string) => problems.push({ entry: claim.id, field, message });
    if (claim.origin.sourceId && !sourceIds.has(claim.origin.sourceId)) {
      at('origin.sourceId', `unknown source "${claim.origin.sourceId}"`);
    }
    for (const list of ['settles', 'carries'] as const) {
      claim.evidence[list].forEach((id, i) => {
        if (!sourceIds.has(id)) at(`evidence.${list}.${i}`, `unknown source "${id}"`);
      });
    }
    claim.evidence.settles.forEach((id, i) => {
      if (claim.evidence.carries.includes(id)) {
        at(`evidence.settles.${i}`, `"${id}" carries the claim, so it cannot also settle it`);
      }
    });
    const primary = claim.evidence.settles.some((id) => {
      const kind = sources.get(id)?.kind;
      return kind !== undefined && isPrimaryKind(kind);
    });
    if (claim.tier === 'contradicted' && !primary) {
      at(
        'evidence.settles',
        'a contradicted claim needs primary evidence (DeepSeek material) that it is false',
      );
    }
    claim.related.forEach((rel, i) => {
      if (!claimIds.has(rel.claimId)) at(`related.${i}.claimId`, `unknown claim "${rel.claimId}"`);
      if (rel.claimId === claim.id) at(`related.${i}.claimId`, 'a claim cannot relate to itself');
    });
    claim.history.forEach((step, i) => {
      const prev = claim.history[i - 1];
      if (prev && compareDates(prev.since, step.since) > 0) {
        at(
          `history.${i}.since`,
          `out of order: ${step.since} comes before the previous step's ${prev.since}`,
        );
      }
      if (compareDates(step.since, pack.asOf) > 0) {
        at(`history.${i}.since`, `${step.since} is after the pack's asOf ${pack.asOf}`);
      }
    });
    const last = claim.history.at(-1);
    if (last && last.tier !== claim.tier) {
      at('history', `ends in "${last.tier}" but the claim's tier is "${claim.tier}"`);
    }
    const { attribute, otherValue } = claim.match;
    if (otherValue && !attribute) at('match', '"otherValue" needs the "attribute" it stands for');
    if (!otherValue && claim.match.all.length === 0 && claim.match.numbers.length === 0) {
      at('match', 'needs at least one term group or number, or nothing could ever match it');
    }
    if (attribute && !otherValue && claim.match.numbers.length === 0) {
      at('match', `gives a value of "${attribute}" but lists no number`);
    }
  }
  return problems;
}

export function validatePack(raw: unknown): PackResult {
  const parsed = ClaimPackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(raw, parsed.error) };
  const problems = [...referenceProblems(parsed.data), ...readerTextProblems(parsed.data)];
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

export function formatProblems(problems: PackProblem[]): string {
  return problems.map((p) => `  ${p.entry} › ${p.field}: ${p.message}`).join('\n');
}
