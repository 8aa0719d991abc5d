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
  /** The same fill for dark pages, where 16% alpha all but vanishes: stronger, and a lighter hue. */
  fillOnDark: string;
}

export const TIER_STYLES: Record<Tier, TierStyle> = {
  confirmed: {
    label: 'Confirmed',
    icon: '✓',
    meaning: 'DeepSeek’s own material says so.',
    underline: 'solid',
    color: '#2e9e4f',
    fill: 'rgba(46, 158, 79, 0.16)',
    fillOnDark: 'rgba(72, 199, 116, 0.3)',
  },
  reported: {
    label: 'Reported',
    icon: '◆',
    meaning: 'Credible outlets with named sources report it; DeepSeek has not confirmed it.',
    underline: 'double',
    color: '#3b82d6',
    fill: 'rgba(59, 130, 214, 0.16)',
    fillOnDark: 'rgba(110, 168, 255, 0.32)',
  },
  speculative: {
    label: 'Speculative',
    icon: '?',
    meaning: 'An analyst’s projection; nobody claims to know.',
    underline: 'dashed',
    color: '#9061d9',
    fill: 'rgba(144, 97, 217, 0.16)',
    fillOnDark: 'rgba(180, 140, 255, 0.32)',
  },
  rumor: {
    label: 'Rumor',
    icon: '!',
    meaning: 'Unverified leak, unsourced number or social post.',
    underline: 'dotted',
    color: '#c98a00',
    fill: 'rgba(214, 153, 0, 0.2)',
    fillOnDark: 'rgba(255, 196, 61, 0.32)',
  },
  contradicted: {
    label: 'Contradicted',
    icon: '✗',
    meaning: 'Primary evidence shows it false, or the predicted event did not happen.',
    underline: 'wavy',
    color: '#d6424a',
    fill: 'rgba(214, 66, 74, 0.16)',
    fillOnDark: 'rgba(255, 110, 110, 0.34)',
  },
};

/**
 * How loudly a highlight speaks. `what-matters` (the default): contradicted and rumor claims, and any
 * claim whose tier changed after the article was published, stand out with fill and underline; the rest
 * (a confirmed fact stated correctly, a report, a projection) get only a thin underline. `every-tier`:
 * every highlight is filled, as before.
 */
export const EMPHASIS_MODES = ['what-matters', 'every-tier'] as const;
export type Emphasis = (typeof EMPHASIS_MODES)[number];

export const EMPHASIS_LABELS: Record<Emphasis, { title: string; description: string }> = {
  'what-matters': {
    title: 'Make what matters stand out (recommended)',
    description:
      'Contradicted claims, rumors and claims that changed after the article was published are filled; the rest get a thin underline.',
  },
  'every-tier': {
    title: 'Mark every claim the same way',
    description: 'Every highlighted sentence is filled in its tier’s colour.',
  },
};

export function markEmphasis(
  tier: Tier,
  changedSincePublication: boolean,
  emphasis: Emphasis,
): 'strong' | 'quiet' {
  if (emphasis === 'every-tier') return 'strong';
  return tier === 'contradicted' || tier === 'rumor' || changedSincePublication ? 'strong' : 'quiet';
}
