/**
 * The five tiers, without zod: the content script's highlighting and the popup need these constants, and
 * importing the claim schema for them would build every zod schema on every labeled page.
 */
export const TIER_IDS = ['confirmed', 'reported', 'speculative', 'rumor', 'contradicted'] as const;
export type Tier = (typeof TIER_IDS)[number];

/** Severity order for display when one sentence states claims of several tiers. */
export const TIER_SEVERITY: Record<Tier, number> = {
  contradicted: 4,
  rumor: 3,
  speculative: 2,
  reported: 1,
  confirmed: 0,
};

/** The most serious tier among several; used when one sentence states more than one claim. */
export function mostSeriousTier<T extends { tier: Tier }>(items: T[]): T | undefined {
  return items.reduce<T | undefined>(
    (worst, item) => (!worst || TIER_SEVERITY[item.tier] > TIER_SEVERITY[worst.tier] ? item : worst),
    undefined,
  );
}
