import type { ClaimPack } from '../pack/schema';
import { TIER_STYLES } from '../tier-styles';
import type { EntryProblem } from './export-file';
import { type ClaimCorrection, type Correction, KIND_LABELS, reasonLabel } from './schema';

/**
 * The maintainer's view of an export file: per claim, what readers proposed (kinds, tiers, reasons,
 * notes, evidence), then the claims readers say we missed. Plain text for a terminal.
 */

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([v, n]) => (n > 1 ? `${v} ×${n}` : v))
    .join(', ');
}

const oneLine = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

const tierName = (tier: keyof typeof TIER_STYLES) => TIER_STYLES[tier].label.toLowerCase();

function reportLines(c: Correction, indent: string): string[] {
  const lines: string[] = [];
  const head = [`[${KIND_LABELS[c.kind].short.toLowerCase()}]`];
  if (c.kind === 'wrong-tier')
    head.push(`${c.currentTier ? tierName(c.currentTier) : '?'} → ${tierName(c.proposedTier)}`);
  if (c.kind === 'missing-claim' && c.proposedTier) head.push(`suggested tier: ${tierName(c.proposedTier)}`);
  head.push(`${c.createdAt.slice(0, 10)}`, `pack v${c.packVersion}`, c.status);
  lines.push(`${indent}- ${head.join(' · ')}`);
  lines.push(
    `${indent}    page:     ${c.pageTitle ? `${oneLine(c.pageTitle, 80)} <${c.pageUrl}>` : c.pageUrl}`,
  );
  lines.push(`${indent}    words:    “${oneLine(c.sentence)}”`);
  if (c.reasonTags.length > 0) {
    lines.push(`${indent}    reasons:  ${c.reasonTags.map((t) => reasonLabel(c.kind, t)).join('; ')}`);
  }
  if ((c.kind === 'wrong-tier' || c.kind === 'missing-claim') && c.evidenceUrl) {
    lines.push(`${indent}    evidence: ${c.evidenceUrl}`);
  }
  if (c.note) lines.push(`${indent}    note:     ${oneLine(c.note, 500)}`);
  lines.push(`${indent}    id:       ${c.id}`);
  return lines;
}

export function formatReview(input: {
  fileName: string;
  exportedAt?: string;
  corrections: Correction[];
  entryProblems: EntryProblem[];
  /** The current pack, to show each claim's statement and tier; optional. */
  pack?: Pick<ClaimPack, 'version' | 'claims'>;
}): string {
  const { fileName, exportedAt, corrections, entryProblems, pack } = input;
  const out: string[] = [];
  out.push(`Claim Lens corrections: ${fileName}`);
  out.push(
    `${exportedAt ? `exported ${exportedAt} · ` : ''}${corrections.length} valid correction${corrections.length === 1 ? '' : 's'}` +
      (entryProblems.length > 0
        ? ` · ${entryProblems.length} invalid entr${entryProblems.length === 1 ? 'y' : 'ies'}`
        : '') +
      (pack ? ` · compared with claim pack v${pack.version}` : ''),
  );

  if (entryProblems.length > 0) {
    out.push('', `✗ Invalid entries (left out below):`);
    for (const p of entryProblems) {
      out.push(`  entry ${p.position}${p.id ? ` (${p.id})` : ''}:`);
      for (const problem of p.problems) out.push(`    - ${problem}`);
    }
  }

  const byClaim = new Map<string, ClaimCorrection[]>();
  for (const c of corrections) {
    if (c.kind === 'missing-claim') continue;
    byClaim.set(c.claimId, [...(byClaim.get(c.claimId) ?? []), c]);
  }
  const claimIds = [...byClaim.keys()].sort(
    (a, b) => byClaim.get(b)!.length - byClaim.get(a)!.length || a.localeCompare(b),
  );
  out.push('', `== Per claim (${claimIds.length})`);
  if (claimIds.length === 0) out.push('  (none)');
  for (const id of claimIds) {
    const reports = byClaim.get(id)!;
    const claim = pack?.claims.find((c) => c.id === id);
    out.push('');
    out.push(
      `${id}${claim ? ` [${tierName(claim.tier)} in pack]` : pack ? ' [not in the current pack]' : ''}`,
    );
    if (claim) out.push(`  ${oneLine(claim.statement)}`);
    out.push(
      `  ${reports.length} report${reports.length === 1 ? '' : 's'}: ${tally(reports.map((r) => KIND_LABELS[r.kind].short.toLowerCase()))}`,
    );
    const proposed = reports.flatMap((r) => (r.kind === 'wrong-tier' ? [tierName(r.proposedTier)] : []));
    if (proposed.length > 0) out.push(`  proposed tiers: ${tally(proposed)}`);
    const reasons = reports.flatMap((r) => r.reasonTags as string[]);
    if (reasons.length > 0) out.push(`  reasons: ${tally(reasons)}`);
    for (const r of reports) out.push(...reportLines(r, '  '));
  }

  const missing = corrections.filter((c) => c.kind === 'missing-claim');
  out.push('', `== Missed claims (${missing.length})`);
  if (missing.length === 0) out.push('  (none)');
  for (const c of missing) out.push(...reportLines(c, '  '));
  return `${out.join('\n')}\n`;
}
