import type { Tier } from './pack/schema';

/**
 * How each tier is shown to readers. Colour is never the only cue: every tier also has an icon, a word
 * and its own underline style, so it reads in greyscale, to colour-blind readers and to screen readers.
 */
export interface TierStyle {
  label: string;
  icon: string;
  /** One line for readers: what this tier means. */
  meaning: string;
  /** Underline style of the inline highlight (CSS text-decoration-style). */
  underline: 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy';
  /** Text/underline colour readable on white and on near-black backgrounds. */
  color: string;
  /** Translucent fill, so the page's own text colour stays readable in light and dark themes. */
  fill: string;
}

export const TIER_STYLES: Record<Tier, TierStyle> = {
  confirmed: {
    label: 'Confirmed',
    icon: '✓',
    meaning: 'DeepSeek’s own material says so.',
    underline: 'solid',
    color: '#2e9e4f',
    fill: 'rgba(46, 158, 79, 0.16)',
  },
  reported: {
    label: 'Reported',
    icon: '◆',
    meaning: 'Credible outlets with named sources report it; DeepSeek has not confirmed it.',
    underline: 'double',
    color: '#3b82d6',
    fill: 'rgba(59, 130, 214, 0.16)',
  },
  speculative: {
    label: 'Speculative',
    icon: '?',
    meaning: 'An analyst’s projection; nobody claims to know.',
    underline: 'dashed',
    color: '#9061d9',
    fill: 'rgba(144, 97, 217, 0.16)',
  },
  rumor: {
    label: 'Rumor',
    icon: '!',
    meaning: 'Unverified leak, unsourced number or social post.',
    underline: 'dotted',
    color: '#c98a00',
    fill: 'rgba(214, 153, 0, 0.2)',
  },
  contradicted: {
    label: 'Contradicted',
    icon: '✗',
    meaning: 'Primary evidence shows it false, or the predicted event did not happen.',
    underline: 'wavy',
    color: '#d6424a',
    fill: 'rgba(214, 66, 74, 0.16)',
  },
};
