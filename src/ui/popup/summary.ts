import { TIER_IDS, type Tier } from '../../core/tiers';
import type { Finding } from '../../platform/protocol';

/** One claim found on the page, as the popup lists it: a sentence stating several claims gives several. */
export interface FoundClaim {
  highlightId: string;
  claimId: string;
  tier: Tier;
  text: string;
  strengthLabel: string;
}

export function foundClaims(findings: Finding[]): FoundClaim[] {
  return findings.flatMap((f) =>
    f.claims.map((c) => ({
      highlightId: f.highlightId,
      claimId: c.claimId,
      tier: c.tier,
      text: f.text,
      strengthLabel: c.strengthLabel,
    })),
  );
}

export function tierCounts(claims: Pick<FoundClaim, 'tier'>[]): { tier: Tier; count: number }[] {
  return TIER_IDS.map((tier) => ({ tier, count: claims.filter((c) => c.tier === tier).length })).filter(
    (t) => t.count > 0,
  );
}

/** "9 claims: 2 confirmed · 1 reported · 3 rumor · 3 contradicted", mildest tier first. */
export function summarizeTiers(claims: Pick<FoundClaim, 'tier'>[]): string {
  if (claims.length === 0) return 'No claims';
  const parts = tierCounts(claims).map(({ tier, count }) => `${count} ${tier}`);
  return `${claims.length} claim${claims.length === 1 ? '' : 's'}: ${parts.join(' · ')}`;
}
