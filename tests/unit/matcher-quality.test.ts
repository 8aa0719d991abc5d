import { describe, expect, it } from 'vitest';
import { compileMatcher, type SentenceMatch } from '../../src/core/match/matcher';
import { DEFAULT_MIN_STRENGTH } from '../../src/core/settings/strength';
import { extractBlocks, findArticleRoot } from '../../src/page/extract';
import {
  loadPage,
  NEGATIVE_PAGES,
  realPack,
  SEED_PAGES,
  type SeedSentence,
  seedNonClaims,
  seedSentences,
  squash,
} from '../support/pages';

/**
 * The matcher on the five seed articles it was first built from (training data, not evidence: the corpus
 * test measures quality on articles nobody tuned for), judged against the claim sentences listed for them,
 * plus hard negatives that must get no highlight at all. Headings that only name a topic are listed with
 * the claim they name, but assert nothing and must stay plain.
 */
/** What a reader sees with default settings: hits at or above the default strength threshold. */
function matchPage(file: string): SentenceMatch[] {
  const doc = loadPage(file);
  return compileMatcher(realPack())
    .matchDocument(extractBlocks(findArticleRoot(doc)), { title: doc.title })
    .matches.map((m) => ({ ...m, hits: m.hits.filter((h) => h.strength >= DEFAULT_MIN_STRENGTH) }))
    .filter((m) => m.hits.length > 0);
}

/** How many code samples the seed pages hold (so the check below has something to check). */
const codeSampleCount = (pages: Record<string, string>) =>
  Object.values(pages).reduce((n, file) => n + loadPage(file).querySelectorAll('pre').length, 0);

const FIGURE = /\d|\b(?:one|a) (?:trillion|million|billion)\b/i;

/** Headings of a seed page that carry no figure: they name a topic and must never be labeled. */
function topicHeadings(file: string): string[] {
  return extractBlocks(findArticleRoot(loadPage(file)))
    .filter((b) => b.kind === 'heading' && !FIGURE.test(b.text))
    .map((b) => squash(b.text));
}

/** Seed recall today; the corpus figures are the ones that matter. A change that lowers it fails. */
const SEED_RECALL_FLOOR = 0.88;

const overlaps = (match: SentenceMatch, fixture: SeedSentence) => {
  const a = squash(match.text);
  const b = squash(fixture.text);
  return a.includes(b) || b.includes(a);
};

describe('matcher quality on the seed articles', () => {
  const expected = seedSentences();
  let truePairs = 0;
  let expectedPairs = 0;
  let predictedPairs = 0;
  let correctPredicted = 0;
  const misses: string[] = [];
  const wrong: string[] = [];

  const labeledHeadings: string[] = [];
  for (const [seed, file] of Object.entries(SEED_PAGES)) {
    const matches = matchPage(file);
    const headings = new Set(topicHeadings(file));
    for (const m of matches) if (headings.has(squash(m.text))) labeledHeadings.push(`${file}: ${m.text}`);
    const fixtures = expected.filter((s) => s.seed === seed && !headings.has(squash(s.text)));
    for (const fixture of fixtures) {
      const found = new Set(
        matches.filter((m) => overlaps(m, fixture)).flatMap((m) => m.hits.map((h) => h.claimId)),
      );
      for (const id of fixture.claimIds) {
        expectedPairs++;
        if (found.has(id)) truePairs++;
        else misses.push(`${file}: "${fixture.text.slice(0, 70)}" → ${id}`);
      }
    }
    for (const match of matches) {
      const allowed = new Set(fixtures.filter((f) => overlaps(match, f)).flatMap((f) => f.claimIds));
      for (const hit of match.hits) {
        predictedPairs++;
        if (allowed.has(hit.claimId)) correctPredicted++;
        else wrong.push(`${file}: "${match.text.slice(0, 70)}" → ${hit.claimId} (${hit.strength})`);
      }
    }
  }
  const recall = truePairs / expectedPairs;
  const precision = correctPredicted / predictedPairs;

  it(`finds ≥${SEED_RECALL_FLOOR * 100}% of the listed (sentence, claim) pairs`, () => {
    console.log(
      `[quality] recall ${recall.toFixed(3)} (${truePairs}/${expectedPairs}), precision ${precision.toFixed(3)} (${correctPredicted}/${predictedPairs})`,
    );
    if (misses.length) console.log(`[quality] missed:\n  ${misses.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(SEED_RECALL_FLOOR);
  });

  it('labels no heading that only names a topic', () => {
    expect(labeledHeadings).toEqual([]);
  });

  it('labels nothing inside a code sample (its prompt strings name V4 claims)', () => {
    const inCode: string[] = [];
    for (const file of Object.values(SEED_PAGES)) {
      const samples = [...loadPage(file).querySelectorAll('pre')].map((pre) => squash(pre.textContent ?? ''));
      for (const m of matchPage(file))
        if (samples.some((code) => code.includes(squash(m.text)))) inCode.push(`${file}: ${m.text}`);
    }
    expect(codeSampleCount(SEED_PAGES)).toBeGreaterThan(0);
    expect(inCode).toEqual([]);
  });

  it('labels ≥95% of its highlights with claims the sentence really states', () => {
    if (wrong.length) console.log(`[quality] not expected:\n  ${wrong.join('\n  ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe('hard negatives get no highlight', () => {
  it.each(NEGATIVE_PAGES)('%s', (file) => {
    const matches = matchPage(file);
    expect(matches.map((m) => `${m.text} → ${m.hits.map((h) => h.claimId)}`)).toEqual([]);
  });
});

describe('sentences in the seeds that mention DeepSeek but state no claim', () => {
  it('are never highlighted', () => {
    const negatives = seedNonClaims();
    let highlighted = 0;
    const wrong: string[] = [];
    for (const [seed, file] of Object.entries(SEED_PAGES)) {
      const matches = matchPage(file);
      for (const n of negatives.filter((x) => x.seed === seed)) {
        const hit = matches.find((m) => squash(m.text) === squash(n.text));
        if (hit) {
          highlighted++;
          wrong.push(`${file}: "${n.text.slice(0, 70)}" → ${hit.hits.map((h) => h.claimId)}`);
        }
      }
    }
    const rate = highlighted / negatives.length;
    console.log(`[quality] in-seed negatives highlighted: ${highlighted}/${negatives.length}`);
    if (wrong.length) console.log(`[quality] highlighted negatives:\n  ${wrong.join('\n  ')}`);
    expect(rate).toBe(0);
  });
});
