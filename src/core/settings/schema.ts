import { z } from 'zod';
import { TierSchema } from '../tier-schema';
import { TIER_IDS } from '../tiers';
import { DEFAULT_MIN_STRENGTH } from './strength';

/** The settings' shape, apart from their storage so Node scripts and export files can use it. */
export const SettingsSchema = z.strictObject({
  /** Tiers the reader wants highlighted. */
  tiers: z.array(TierSchema).default([...TIER_IDS]),
  /** Sensitivity: the minimum match strength to highlight. */
  minStrength: z.number().min(0).max(1).default(DEFAULT_MIN_STRENGTH),
  /** Per-site override by hostname: always label, or never. */
  sites: z.record(z.string().min(1), z.enum(['always', 'never'])).default({}),
  /** Global pause: nothing is labeled anywhere. */
  paused: z.boolean().default(false),
  /**
   * GitHub repository ("owner/name") where corrections are filed as issues. Empty until the maintainer or
   * reader sets it: we do not guess a repository that may belong to someone else.
   */
  correctionRepo: z
    .string()
    .regex(/^([\w.-]+\/[\w.-]+)?$/, 'must look like owner/name')
    .default(''),
});
export type Settings = z.infer<typeof SettingsSchema>;
