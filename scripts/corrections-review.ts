import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readPackFiles } from '../src/build/load-node';
import { parseExportFile } from '../src/core/corrections/export-file';
import { formatReview } from '../src/core/corrections/review';
import type { ClaimPack } from '../src/core/pack/schema';
import { validatePack } from '../src/core/pack/validate';

/**
 * `npm run corrections:review -- file.json`: validates a readers' export and prints, per claim, what
 * readers proposed, then the claims they say we missed. Exit 1 if the file or any entry is invalid
 * (the valid entries are still printed).
 */
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error('Usage: npm run corrections:review -- <claim-lens-corrections.json>');
  process.exit(2);
}
const file = resolve(process.cwd(), files[0]!);

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(
    `✗ Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
  );
  process.exit(1);
}

const result = parseExportFile(text);
if (!result.ok) {
  console.error(`✗ ${basename(file)}: ${result.error}`);
  process.exit(1);
}

// The current pack, when data/ is readable, shows each claim's statement and present tier.
let pack: ClaimPack | undefined;
try {
  const checked = validatePack(readPackFiles(resolve(import.meta.dirname, '../data')));
  if (checked.ok) pack = checked.pack;
} catch {
  // No usable data/ here (e.g. reviewing on another machine): claims are listed by id only.
}

if (!result.corrections.length && result.settings && !result.entryProblems.length) {
  console.log(`${basename(file)} holds settings only, no corrections.`);
  process.exit(0);
}

process.stdout.write(
  formatReview({
    fileName: basename(file),
    exportedAt: result.exportedAt,
    corrections: result.corrections,
    entryProblems: result.entryProblems,
    pack,
  }),
);
if (result.entryProblems.length > 0) {
  console.error(
    `\n✗ ${result.entryProblems.length} invalid entr${result.entryProblems.length === 1 ? 'y' : 'ies'}; see above.`,
  );
  process.exit(1);
}
