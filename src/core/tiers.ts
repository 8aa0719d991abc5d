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
