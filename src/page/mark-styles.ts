import { TIER_STYLES } from '../core/tier-styles';
import { TIER_IDS } from '../core/tiers';

/**
 * Names of our entries in CSS.highlights, documented in the README so tools and tests can read what is
 * labeled: one highlight per tier, a quiet variant per tier (underline only, for claims that need no
 * attention), and the claim whose card is open.
 */
export const HIGHLIGHT_PREFIX = 'claim-lens-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

/** `strong`: fill and underline; `quiet`: the tier's underline only (see markEmphasis in core/tier-styles). */
export type Emphasis = 'strong' | 'quiet';
/** Dark pages get the stronger fills; a highlight cannot read the page's background by itself. */
export type PageTheme = 'light' | 'dark';

/** `claim-lens-<tier>`, or `claim-lens-<tier>-quiet` / `claim-lens-<tier>-dark` for the variants. */
export function highlightName(
  tier: keyof typeof TIER_STYLES,
  emphasis: Emphasis = 'strong',
  theme: PageTheme = 'light',
): string {
  const variant = emphasis === 'quiet' ? '-quiet' : theme === 'dark' ? '-dark' : '';
  return `${HIGHLIGHT_PREFIX}${tier}${variant}`;
}

/**
 * The ::highlight() rules, shipped as the content script's manifest stylesheet: the browser injects it into
 * every frame before the page runs, the page cannot see or remove it, and it paints nothing until a
 * highlight of that name exists. A highlight paints no box, so labeling never shifts layout. Tier shows as
 * fill colour AND underline style (solid/double/dashed/dotted/wavy), never colour alone.
 */
export function highlightStylesheet(): string {
  const rules = TIER_IDS.flatMap((tier) => {
    const s = TIER_STYLES[tier];
    const underline = `text-decoration: underline ${s.underline} ${s.color} !important;`;
    return [
      `::highlight(${highlightName(tier)}) { background-color: ${s.fill} !important; ${underline} }`,
      `::highlight(${highlightName(tier, 'strong', 'dark')}) { background-color: ${s.fillOnDark} !important; ${underline} }`,
      `::highlight(${highlightName(tier, 'quiet')}) { background-color: transparent !important; ${underline} }`,
    ];
  });
  return `${rules.join('\n')}
::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(120, 120, 120, 0.24) !important; }
@media (forced-colors: active) {
${TIER_IDS.map((tier) => `  ::highlight(${highlightName(tier)}), ::highlight(${highlightName(tier, 'strong', 'dark')}), ::highlight(${highlightName(tier, 'quiet')}) { background-color: Mark !important; color: MarkText !important; text-decoration-color: MarkText !important; }`).join('\n')}
  ::highlight(${ACTIVE_HIGHLIGHT}) { background-color: Highlight !important; color: HighlightText !important; }
}
`;
}
