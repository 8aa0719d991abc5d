import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPackFiles } from '../src/build/load-node';
import {
  classifyInput,
  htmlBlocks,
  type ScanReport,
  scanBlocks,
  textBlocks,
} from '../src/content/scan-document';
import { compileMatcher } from '../src/core/match/matcher';
import { formatProblems, validatePack } from '../src/core/pack/validate';

const USAGE = `Usage: npm run scan -- [--json] <file.html | file.txt | http(s) URL> [more inputs…]

Runs Claim Lens's matcher (the content script's own code) on saved pages, text files or URLs and prints,
per input, each sentence that states a known claim with its claim id, tier and match strength, then the
sentences that name a V4 model but matched nothing (candidates for new claims).`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const inputs = args.filter((a) => !a.startsWith('--'));
if (inputs.length === 0 || args.includes('--help')) {
  console.log(USAGE);
  process.exit(inputs.length === 0 && !args.includes('--help') ? 2 : 0);
}

const packResult = validatePack(readPackFiles(resolve(import.meta.dirname, '../data')));
if (!packResult.ok) {
  console.error(`The claim pack in data/ is invalid:\n${formatProblems(packResult.problems)}`);
  process.exit(1);
}
const pack = packResult.pack;
const matcher = compileMatcher(pack);

async function read(input: string): Promise<ScanReport> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new Error(`cannot reach ${input}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    if (!response.ok) throw new Error(`${input} answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!/text|html|xml/i.test(type)) throw new Error(`${input} is ${type || 'of unknown type'}, not a page`);
    const body = await response.text();
    return scanBlocks(input, /html/i.test(type) ? htmlBlocks(body, input) : textBlocks(body), pack, matcher);
  }
  const path = resolve(input);
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new Error('it is a directory');
    bytes = readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`cannot read ${input}: ${reason}`);
  }
  const kind = classifyInput(input, bytes);
  if (typeof kind === 'object')
    throw new Error(`${input} looks binary (${kind.binary}); give an .html or .txt file`);
  const text = new TextDecoder().decode(bytes);
  return scanBlocks(input, kind === 'html' ? htmlBlocks(text) : textBlocks(text), pack, matcher);
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

function printReport(report: ScanReport): void {
  console.log(`\n${report.input}: ${report.rows.length} claim${report.rows.length === 1 ? '' : 's'} found`);
  if (report.rows.length > 0) {
    console.log(`  ${clip('Sentence', 64)}  ${clip('Claim id', 34)}  ${clip('Tier', 12)}  Match`);
    for (const row of report.rows) {
      console.log(
        `  ${clip(row.sentence, 64)}  ${clip(row.claimId, 34)}  ${clip(row.tier, 12)}  ${row.strength.toFixed(2)}`,
      );
    }
  }
  if (report.unmatchedV4Sentences.length > 0) {
    console.log(`  Mentions V4 but matched no claim (${report.unmatchedV4Sentences.length}):`);
    for (const s of report.unmatchedV4Sentences) console.log(`    - ${s}`);
  }
}

const reports: ScanReport[] = [];
const errors: { input: string; error: string }[] = [];
for (const input of inputs) {
  try {
    reports.push(await read(input));
  } catch (error) {
    errors.push({ input, error: (error as Error).message });
  }
}
if (json) {
  console.log(
    JSON.stringify(
      { pack: { id: pack.id, version: pack.version, asOf: pack.asOf }, reports, errors },
      null,
      2,
    ),
  );
} else {
  console.log(`Claim pack ${pack.id} v${pack.version} (as of ${pack.asOf}), ${pack.claims.length} claims`);
  reports.forEach(printReport);
  for (const e of errors) console.error(`\n✗ ${e.error}`);
}
process.exit(errors.length > 0 ? 1 : 0);
