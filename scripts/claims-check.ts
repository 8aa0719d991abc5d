import { resolve } from 'node:path';
import { readPackFiles } from '../src/build/load-node';
import { type ClaimPack, isPrimaryKind, SOURCE_KINDS, SUBJECTS, TIER_IDS } from '../src/core/pack/schema';
import { formatProblems, validatePack } from '../src/core/pack/validate';

/** `npm run claims:check`: validates data/ and prints what the pack holds. Exit 1 on any problem. */
const quiet = process.argv.includes('--quiet');
const dataDir = resolve(import.meta.dirname, '../data');

function countBy<T extends string>(keys: readonly T[], values: T[]): string {
  return keys
    .map((k) => [k, values.filter((v) => v === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
}

function summary(pack: ClaimPack): string {
  const seeded = pack.claims.filter((c) => c.seeds.length > 0).length;
  const kinds = new Map(pack.sources.map((s) => [s.id, s.kind]));
  const primary = pack.claims.filter((c) =>
    c.evidence.settles.some((id) => isPrimaryKind(kinds.get(id)!)),
  ).length;
  const unsettled = pack.claims.filter((c) => c.evidence.settles.length === 0).length;
  const computed = pack.claims.flatMap((c) => c.history).filter((h) => h.computed).length;
  return [
    `Pack ${pack.id} v${pack.version}, as of ${pack.asOf}: ${pack.claims.length} claims, ${pack.sources.length} sources`,
    `  by tier:    ${countBy(
      TIER_IDS,
      pack.claims.map((c) => c.tier),
    )}`,
    `  by subject: ${countBy(
      SUBJECTS,
      pack.claims.map((c) => c.subject),
    )}`,
    `  sources:    ${countBy(
      SOURCE_KINDS,
      pack.sources.map((s) => s.kind),
    )}; ${pack.sources.filter((s) => s.url).length} with a URL, ${pack.sources.filter((s) => s.descriptive).length} with a descriptive title`,
    `  evidence:   ${primary} claims settled by DeepSeek's own material, ${unsettled} with nothing that settles them; ${computed} computed history steps`,
    `  seeded:     ${seeded} claims quoted from the seed articles`,
  ].join('\n');
}

try {
  const result = validatePack(readPackFiles(dataDir));
  if (!result.ok) {
    console.error(
      `✗ The claim pack is invalid (${result.problems.length} problems):\n${formatProblems(result.problems)}`,
    );
    process.exit(1);
  }
  console.log(quiet ? `✓ ${result.pack.claims.length} claims valid` : `✓ valid\n${summary(result.pack)}`);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
