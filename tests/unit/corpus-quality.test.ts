import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, evaluateCorpus } from '../../scripts/lib/corpus-eval';
import { ROOT, realPack } from '../support/pages';

/**
 * The matcher's quality on the development corpus: real articles nobody tuned the first version for,
 * with sentence-level gold (tests/fixtures/corpus). The floors are what the matcher reaches today; a
 * change that lowers any of them fails here. `npm run eval` prints the details.
 */
const FLOORS = { recall: 0.89, precision: 0.97, claimIdAccuracy: 0.92, tierAccuracy: 0.89 };

describe('matcher quality on the development corpus', () => {
  const totals = evaluateCorpus(realPack(), corpusDir(resolve(ROOT)));

  it('holds at least 30 articles and 8 hard negatives', () => {
    expect(totals.articles).toBeGreaterThanOrEqual(30);
    expect(totals.negatives).toBeGreaterThanOrEqual(8);
  });

  it.each(Object.entries(FLOORS))('%s stays at or above its floor', (metric, floor) => {
    expect(totals[metric as keyof typeof FLOORS]).toBeGreaterThanOrEqual(floor);
  });

  it('puts no highlight on any negative page', () => {
    const highlighted = totals.scores.filter((s) => s.phase === 'negative' && s.highlighted > 0);
    expect(highlighted.map((s) => `${s.slug}: ${s.falsePositives.join(' | ')}`)).toEqual([]);
  });
});
