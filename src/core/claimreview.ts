import type { Claim, ClaimPack, PartialDate, Source } from './pack/schema';
import { TIER_STYLES } from './tier-styles';
import type { Tier } from './tiers';

/**
 * The claim pack as schema.org ClaimReview JSON-LD, for fact-check aggregators: a DataFeed with one
 * ClaimReview per claim (the shape fact-check feeds use). Nothing is added that the pack does not hold:
 * no URL is made up, sources without one are cited by title, publisher and date.
 */

/**
 * The tier as a rating. Our tiers grade how well-supported a claim is, which mixes truth with how good the
 * sourcing is: 2 ("rumor") means unverified, not false; only 1 ("contradicted") means shown false.
 */
export const TIER_RATING: Record<Tier, number> = {
  confirmed: 5,
  reported: 4,
  speculative: 3,
  rumor: 2,
  contradicted: 1,
};

export const CLAIMREVIEW_AUTHOR = { '@type': 'Organization', name: 'Claim Lens' } as const;

type JsonLd = Record<string, unknown>;

function creativeWork(source: Source): JsonLd {
  return {
    '@type': 'CreativeWork',
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    datePublished: source.date,
    ...(source.url ? { url: source.url } : {}),
  };
}

/** "SitePoint (projection)" → "SitePoint". */
const bareName = (text: string) => text.replace(/\s*\([^)]*\)\s*$/, '').trim();

/**
 * The claim's author, only where the pack knows it: the claimant is the publisher of the source the claim
 * first appeared in ("DeepSeek (V4 model card)" in DeepSeek's model card). A claimant described in general
 * terms ("Pre-release coverage", "Analysts") has no first-appearance publisher to match, so no author.
 */
function claimAuthor(claimant: string, firstAppearance: Source | undefined): JsonLd | undefined {
  const name = bareName(claimant);
  if (!firstAppearance || !name) return undefined;
  const publisher = bareName(firstAppearance.publisher).toLowerCase();
  return publisher.startsWith(name.toLowerCase()) ? { '@type': 'Organization', name } : undefined;
}

/** When the claim reached the tier it has now: the review's date. */
function reviewDate(claim: Claim): PartialDate {
  return claim.history.at(-1)!.since;
}

export function claimToClaimReview(claim: Claim, sources: ReadonlyMap<string, Source>): JsonLd {
  const cite = (ids: string[]) =>
    ids.flatMap((id) => (sources.get(id) ? [creativeWork(sources.get(id)!)] : []));
  const first = claim.origin.sourceId ? sources.get(claim.origin.sourceId) : undefined;
  const author = claimAuthor(claim.origin.claimant, first);
  const appearances = cite(claim.evidence.carries);
  const citations = cite(claim.evidence.settles);
  return {
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: claim.statement,
    author: CLAIMREVIEW_AUTHOR,
    datePublished: reviewDate(claim),
    inLanguage: 'en',
    reviewRating: {
      '@type': 'Rating',
      ratingValue: TIER_RATING[claim.tier],
      bestRating: 5,
      worstRating: 1,
      alternateName: TIER_STYLES[claim.tier].label,
      ratingExplanation: claim.rationale,
    },
    itemReviewed: {
      '@type': 'Claim',
      text: claim.statement,
      ...(author ? { author } : {}),
      ...(claim.origin.date !== 'unknown' ? { datePublished: claim.origin.date } : {}),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
      ...(appearances.length ? { appearance: appearances } : {}),
    },
    ...(citations.length ? { citation: citations } : {}),
  };
}

export function packToClaimReviewFeed(pack: ClaimPack): JsonLd {
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: pack.title,
    version: pack.version,
    dateModified: pack.asOf,
    author: CLAIMREVIEW_AUTHOR,
    dataFeedElement: pack.claims.map((claim) => ({
      '@type': 'DataFeedItem',
      dateModified: pack.asOf,
      item: claimToClaimReview(claim, sources),
    })),
  };
}
