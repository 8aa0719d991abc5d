import type { Claim } from '../pack/schema';
import { DEFAULT_MIN_STRENGTH } from '../settings/strength';
import { TIER_SEVERITY } from '../tiers';
import type { ClaimHit } from './verify';

/**
 * The order of a sentence's claims, which the card and the popup list and whose first claim paints the
 * highlight.
 */

/** Below the strength a reader sees by default, a hit is a weak secondary match. */
const FIRM_STRENGTH = DEFAULT_MIN_STRENGTH;
/**
 * How far below the sentence's strongest claim a claim may be and still count as stated: the whole weight
 * a close paraphrase adds to a strength (see scoreHit), so a claim that shares a term with the sentence but
 * reads nothing like it does not decide the colour of a sentence that plainly states another claim.
 */
const FIRM_MARGIN = 0.4;

/**
 * Whether a sentence states a claim firmly enough for its tier to decide how the sentence is painted: the
 * match is as strong as what a reader sees by default, and not far below the sentence's strongest claim.
 */
export function statesFirmly(hit: ClaimHit, best: number): boolean {
  return hit.strength >= FIRM_STRENGTH && hit.strength >= best - FIRM_MARGIN - 1e-9;
}

export function ranker(
  claims: readonly Pick<Claim, 'id' | 'tier' | 'match'>[],
): (hits: ClaimHit[]) => ClaimHit[] {
  const severity = new Map(claims.map((c) => [c.id, TIER_SEVERITY[c.tier]]));
  // An "other value" claim counts as one figure: the value the sentence gives.
  const figures = new Map(claims.map((c) => [c.id, c.match.otherValue ? 1 : (c.match.numbers?.length ?? 0)]));
  const bySpecificity = (a: ClaimHit, b: ClaimHit): number =>
    (figures.get(b.claimId) ?? 0) - (figures.get(a.claimId) ?? 0) ||
    b.evidence - a.evidence ||
    b.strength - a.strength;
  /**
   * The card's order, whose first claim paints the highlight: among the claims the sentence states firmly
   * (see `statesFirmly`), the most serious tier first, because a sentence that states a false claim must
   * not look right; then the most specific (a figure beats a topic), the most independent evidence and the
   * strongest match. Weak secondary matches follow and never decide the tier.
   */
  return (hits: ClaimHit[]): ClaimHit[] => {
    const best = Math.max(...hits.map((h) => h.strength));
    const firm = (h: ClaimHit) => statesFirmly(h, best);
    return [...hits].sort(
      (a, b) =>
        Number(firm(b)) - Number(firm(a)) ||
        (severity.get(b.claimId) ?? 0) - (severity.get(a.claimId) ?? 0) ||
        bySpecificity(a, b),
    );
  };
}
