import { TIER_STYLES } from '../core/tier-styles';
import { TIER_IDS } from '../core/tiers';

export const STYLE_ELEMENT_ID = 'claim-lens-mark-styles';

/**
 * Page-level CSS for highlight marks. Every declaration is !important on a tag+attribute selector so page
 * rules (even `* { … !important }`) cannot restyle marks; nothing here changes box size, so highlighting
 * never shifts layout. Tier shows as fill colour AND underline style (solid/double/dashed/dotted/wavy).
 */
export function markStylesheet(tag: string): string {
  const base = `${tag}[data-claim-tier]`;
  const perTier = TIER_IDS.map((tier) => {
    const s = TIER_STYLES[tier];
    const strongerFill = s.fill.replace(/[\d.]+\)$/, '0.38)');
    return `${tag}[data-claim-tier="${tier}"] { background-color: ${s.fill} !important; text-decoration-line: underline !important; text-decoration-style: ${s.underline} !important; text-decoration-color: ${s.color} !important; }
${tag}[data-claim-tier="${tier}"][data-claim-active] { background-color: ${strongerFill} !important; }`;
  }).join('\n');
  return `
${base} {
  all: unset;
  display: inline !important;
  color: inherit !important;
  font: inherit !important;
  text-decoration-thickness: 2px !important;
  text-underline-offset: 3px !important;
  text-decoration-skip-ink: none !important;
  border-radius: 2px !important;
  cursor: help !important;
  box-decoration-break: clone !important;
  -webkit-box-decoration-break: clone !important;
  transition: background-color 120ms ease-out !important;
  outline: 2px solid transparent !important;
  outline-offset: 1px !important;
}
${base}:focus-visible { outline-color: currentColor !important; }
${perTier}
@media (prefers-reduced-motion: reduce) { ${base} { transition: none !important; } }
@media (forced-colors: active) { ${base} { text-decoration-color: Highlight !important; background-color: Mark !important; color: MarkText !important; } }
`;
}
