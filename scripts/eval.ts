import { resolve } from 'node:path';
import { readPackFiles } from '../src/build/load-node';
import { formatProblems, validatePack } from '../src/core/pack/validate';
import { type CorpusTotals, corpusDir, evaluateCorpus, holdoutDir } from './lib/corpus-eval';

const USAGE = `Usage: npm run eval [-- --verbose]

Runs the content script's extraction and matcher over every page of the development corpus
(tests/fixtures/corpus: real articles with sentence-level gold, not the seeds) and prints, per article and
overall, recall of required sentences, precision of highlighted sentences, claim-id and tier accuracy, and
highlights on negative pages, then lists the misses and false positives. The held-out corpus
(tests/fixtures/corpus-holdout, never read while tuning) is scored too, totals only.`;

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const verbose = process.argv.includes('--verbose');
const root = resolve(import.meta.dirname, '..');
const result = validatePack(readPackFiles(resolve(root, 'data')));
if (!result.ok) {
  console.error(`The claim pack in data/ is invalid:\n${formatProblems(result.problems)}`);
  process.exit(1);
}
const totals = evaluateCorpus(result.pack, corpusDir(root));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
console.log('article'.padEnd(44), 'recall', ' prec.', '   id ', ' tier ', 'hl');
for (const s of totals.scores) {
  const r = s.required ? pct(s.requiredFound / s.required) : '    — ';
  const p = s.highlighted ? pct(s.highlightedCorrect / s.highlighted) : '    — ';
  const i = s.idJudged ? pct(s.idCorrect / s.idJudged) : '    — ';
  const t = s.idJudged ? pct(s.tierCorrect / s.idJudged) : '    — ';
  console.log(s.slug.slice(0, 44).padEnd(44), r, p, i, t, String(s.highlighted).padStart(3));
}
const summary = (name: string, t: CorpusTotals) =>
  `\n${name}: ${t.articles} articles, ${t.negatives} negatives\n` +
  `  recall of required sentences  ${pct(t.recall)}\n` +
  `  precision of highlights       ${pct(t.precision)}\n` +
  `  claim-id accuracy             ${pct(t.claimIdAccuracy)}\n` +
  `  tier accuracy                 ${pct(t.tierAccuracy)}\n` +
  `  highlights on negative pages  ${t.negativeHighlights}`;
console.log(summary('Development corpus', totals));
console.log(summary('Held-out corpus (totals only)', evaluateCorpus(result.pack, holdoutDir(root))));
const list = (title: string, key: 'misses' | 'falsePositives' | 'wrongClaim' | 'wrongTier') => {
  const rows = totals.scores.flatMap((s) => s[key].map((x) => `  ${s.slug}: ${x}`));
  console.log(`\n${title} (${rows.length})`);
  for (const row of verbose ? rows : rows.slice(0, 40)) console.log(row);
  if (!verbose && rows.length > 40) console.log(`  … ${rows.length - 40} more (--verbose)`);
};
list('Missed required sentences', 'misses');
list('False positives', 'falsePositives');
list('Wrong claim shown first', 'wrongClaim');
list('Wrong tier shown', 'wrongTier');
