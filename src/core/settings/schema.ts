import { z } from 'zod';
import { TierSchema } from '../tier-schema';
import { EMPHASIS_MODES } from '../tier-styles';
import { TIER_IDS } from '../tiers';
import { DEFAULT_MIN_STRENGTH } from './strength';

const SettingsShape = z.strictObject({
  /** Tiers the reader wants highlighted. */
  tiers: z.array(TierSchema).default([...TIER_IDS]),
  /** Sensitivity: the minimum match strength to highlight. */
  minStrength: z.number().min(0).max(1).default(DEFAULT_MIN_STRENGTH),
  /** Which highlights stand out: see markEmphasis. */
  emphasis: z.enum(EMPHASIS_MODES).default('what-matters'),
  /** Per-site override by hostname: always label, or never. */
  sites: z.record(z.string().min(1), z.enum(['always', 'never'])).default({}),
  /** Global pause: nothing is labeled anywhere. */
  paused: z.boolean().default(false),
});

/**
 * The settings' shape, apart from their storage so Node scripts and export files can use it. Settings
 * stored or exported before 0.2 carry `correctionRepo`; where corrections go is now chosen when the
 * extension is built, so that one field is dropped instead of failing the whole value.
 */
export const SettingsSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null || !('correctionRepo' in value)) return value;
  const { correctionRepo: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}, SettingsShape);
export type Settings = z.infer<typeof SettingsShape>;
