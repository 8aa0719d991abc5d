import { describe, expect, it } from 'vitest';
import { claimToClaimReview, packToClaimReviewFeed, TIER_RATING } from '../../src/core/claimreview';
import { loadBundledPack } from '../../src/core/pack/bundled';
import type { Claim } from '../../src/core/pack/schema';
import { TIER_STYLES } from '../../src/core/tier-styles';
import { TIER_IDS, TIER_SEVERITY } from '../../src/core/tiers';

/**
 * The schema.org vocabulary for every type and property the export uses, copied from schema.org
 * (v29: each property's domainIncludes and rangeIncludes, each type's parent). Written here, not
 * downloaded; a property or type the export starts using must be added, with its real domain and range.
 */
const PARENT: Record<string, string> = {
  Thing: '',
  CreativeWork: 'Thing',
  Review: 'CreativeWork',
  ClaimReview: 'Review',
  Claim: 'CreativeWork',
  Dataset: 'CreativeWork',
  DataFeed: 'Dataset',
  Intangible: 'Thing',
  Rating: 'Intangible',
  DataFeedItem: 'Intangible',
  Organization: 'Thing',
  Person: 'Thing',
};

const PROPERTIES: Record<string, { domain: string[]; range: string[] }> = {
  name: { domain: ['Thing'], range: ['Text'] },
  identifier: { domain: ['Thing'], range: ['PropertyValue', 'Text', 'URL'] },
  alternateName: { domain: ['Thing'], range: ['Text'] },
  url: { domain: ['Thing'], range: ['URL'] },
  author: { domain: ['CreativeWork', 'Rating'], range: ['Organization', 'Person'] },
  publisher: { domain: ['CreativeWork'], range: ['Organization', 'Person'] },
  datePublished: { domain: ['CreativeWork'], range: ['Date', 'DateTime'] },
  dateModified: { domain: ['CreativeWork', 'DataFeedItem'], range: ['Date', 'DateTime'] },
  inLanguage: { domain: ['CreativeWork'], range: ['Language', 'Text'] },
  version: { domain: ['CreativeWork'], range: ['Number', 'Text'] },
  text: { domain: ['CreativeWork'], range: ['Text'] },
  citation: { domain: ['CreativeWork'], range: ['CreativeWork', 'Text'] },
  claimReviewed: { domain: ['ClaimReview'], range: ['Text'] },
  reviewRating: { domain: ['Review'], range: ['Rating'] },
  itemReviewed: { domain: ['AggregateRating', 'Review'], range: ['Thing'] },
  ratingValue: { domain: ['Rating'], range: ['Number', 'Text'] },
  bestRating: { domain: ['Rating'], range: ['Number', 'Text'] },
  worstRating: { domain: ['Rating'], range: ['Number', 'Text'] },
  ratingExplanation: { domain: ['Rating'], range: ['Text'] },
  appearance: { domain: ['Claim'], range: ['CreativeWork'] },
  firstAppearance: { domain: ['Claim'], range: ['CreativeWork'] },
  dataFeedElement: { domain: ['DataFeed'], range: ['DataFeedItem', 'Text', 'Thing'] },
  item: { domain: ['DataFeedItem', 'ListItem'], range: ['Thing'] },
};

function isA(type: string, ancestor: string): boolean {
  for (let t: string | undefined = type; t; t = PARENT[t]) if (t === ancestor) return true;
  return false;
}

/** ISO 8601 dates at the precision the pack has (YYYY, YYYY-MM, YYYY-MM-DD), as schema.org Date allows. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function fitsRange(value: unknown, range: string[]): boolean {
  if (typeof value === 'string') {
    return range.some(
      (r) =>
        r === 'Text' ||
        r === 'Language' ||
        (r === 'URL' && /^https?:\/\/\S+$/.test(value)) ||
        ((r === 'Date' || r === 'DateTime') && ISO_DATE.test(value)),
    );
  }
  if (typeof value === 'number') return range.includes('Number');
  if (value && typeof value === 'object') {
    const type = (value as { '@type'?: string })['@type'];
    return typeof type === 'string' && range.some((r) => isA(type, r));
  }
  return false;
}

/** Every problem in a JSON-LD node and its children, as "path: problem". */
function vocabularyProblems(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => vocabularyProblems(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  const type = (node as { '@type'?: unknown })['@type'];
  if (typeof type !== 'string' || !(type in PARENT)) return [`${path}: unknown @type ${String(type)}`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@context') continue;
    const property = PROPERTIES[key];
    if (!property) {
      problems.push(`${path}.${key}: not a schema.org property in the vocabulary`);
      continue;
    }
    if (!property.domain.some((d) => isA(type, d)))
      problems.push(`${path}.${key}: not a property of ${type}`);
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      if (!fitsRange(v, property.range))
        problems.push(`${path}.${key}[${i}]: ${JSON.stringify(v)} is not ${property.range.join('|')}`);
      problems.push(...vocabularyProblems(v, `${path}.${key}`));
    }
  }
  return problems;
}

const pack = loadBundledPack();
const feed = packToClaimReviewFeed(pack) as {
  '@context': string;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON-LD it checks against the vocabulary.
  dataFeedElement: { item: Record<string, any> }[];
};
const reviews = feed.dataFeedElement.map((e) => e.item);

describe('ClaimReview export', () => {
  it('uses only schema.org types and properties, each on a type it belongs to, with values in range', () => {
    expect(feed['@context']).toBe('https://schema.org');
    expect(vocabularyProblems(feed)).toEqual([]);
  });

  it('the vocabulary check catches a wrong property, a wrong domain and an out-of-range value', () => {
    const review = claimToClaimReview(pack.claims[0]!, new Map(pack.sources.map((s) => [s.id, s])));
    expect(vocabularyProblems({ ...review, verdict: 'x' })).toEqual([
      '$.verdict: not a schema.org property in the vocabulary',
    ]);
    expect(vocabularyProblems({ ...review, firstAppearance: review.itemReviewed })).toContain(
      '$.firstAppearance: not a property of ClaimReview',
    );
    expect(vocabularyProblems({ ...review, datePublished: 'April 2026' })[0]).toMatch(
      /datePublished.*is not Date/,
    );
  });

  it('has one ClaimReview per claim, with the statement, the project as author and the date of the current tier', () => {
    expect(reviews.map((r) => r.identifier)).toEqual(pack.claims.map((c) => c.id));
    for (const [i, claim] of pack.claims.entries()) {
      const review = reviews[i]!;
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed).toBe(claim.statement);
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Claim Lens' });
      expect(review.datePublished).toBe(claim.history.at(-1)!.since);
    }
  });

  it('rates with the tier as alternateName on a documented 1–5 scale that follows the tiers’ order', () => {
    // Confirmed 5, reported 4, speculative 3, rumor 2, contradicted 1: the reverse of severity.
    for (const tier of TIER_IDS) expect(TIER_RATING[tier]).toBe(5 - TIER_SEVERITY[tier]);
    for (const [i, claim] of pack.claims.entries()) {
      expect(reviews[i]!.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: TIER_RATING[claim.tier],
        bestRating: 5,
        worstRating: 1,
        alternateName: TIER_STYLES[claim.tier].label,
        ratingExplanation: claim.rationale,
      });
    }
  });

  it('cites exactly the settling evidence, and lists the articles that carry the claim as appearances', () => {
    const sources = new Map(pack.sources.map((s) => [s.id, s]));
    const names = (ids: string[]) => ids.map((id) => sources.get(id)!.title);
    for (const [i, claim] of pack.claims.entries()) {
      const review = reviews[i]!;
      expect((review.citation ?? []).map((c: { name: string }) => c.name)).toEqual(
        names(claim.evidence.settles),
      );
      expect((review.itemReviewed.appearance ?? []).map((c: { name: string }) => c.name)).toEqual(
        names(claim.evidence.carries),
      );
    }
    // URLs only where the pack has one: nothing made up.
    const urls = JSON.stringify(feed).match(/"url":"[^"]+"/g) ?? [];
    const known = new Set(pack.sources.flatMap((s) => (s.url ? [`"url":"${s.url}"`] : [])));
    for (const url of urls) expect(known.has(url), url).toBe(true);
  });

  it('names the first appearance, and an author only where the claimant published it', () => {
    const withOrigin = pack.claims.filter((c) => c.origin.sourceId);
    expect(withOrigin.length).toBeGreaterThan(0);
    const sources = new Map(pack.sources.map((s) => [s.id, s]));
    const first: Claim = withOrigin[0]!;
    const review = reviews[pack.claims.indexOf(first)]!;
    expect(review.itemReviewed.firstAppearance.name).toBe(sources.get(first.origin.sourceId!)!.title);
    for (const [i, claim] of pack.claims.entries()) {
      const author = reviews[i]!.itemReviewed.author;
      if (!claim.origin.sourceId) expect(author).toBeUndefined();
      if (author) expect(claim.origin.claimant.startsWith(author.name)).toBe(true);
    }
    const anonymous = claimToClaimReview(
      { ...first, origin: { claimant: 'Pre-release coverage', date: 'unknown' } },
      sources,
    ) as { itemReviewed: Record<string, unknown> };
    expect(anonymous.itemReviewed.author).toBeUndefined();
    expect(anonymous.itemReviewed.datePublished).toBeUndefined();
    expect(anonymous.itemReviewed.firstAppearance).toBeUndefined();
  });
});
