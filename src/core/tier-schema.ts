import { z } from 'zod';
import { TIER_IDS } from './tiers';

/** The tier as zod validates it, shared by the claim schema, settings and corrections. */
export const TierSchema = z.enum(TIER_IDS);
