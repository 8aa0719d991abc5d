import type { Settings } from '../../core/settings/schema';
import { DEFAULT_MIN_STRENGTH } from '../../core/settings/strength';
import { EMPHASIS_MODES } from '../../core/tier-styles';
import { TIER_IDS } from '../../core/tiers';
import type { Dismissal } from '../dismissals';

/**
 * Hand-written checks for the stored values an article page reads (settings, dismissals), so the content
 * script never evaluates zod (tens of milliseconds on every labeled page). They only ever say "certainly
 * valid" or "not sure": a value they do not accept goes to the zod item (settings-item.ts,
 * dismissals.ts), which reads, repairs and quarantines it as before. tests/unit/plain-checks.test.ts holds
 * them to the zod schemas: whatever they accept, zod accepts with the same result.
 */

export const defaultSettings = (): Settings => ({
  tiers: [...TIER_IDS],
  minStrength: DEFAULT_MIN_STRENGTH,
  emphasis: 'what-matters',
  sites: {},
  paused: false,
});

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const TIERS = new Set<string>(TIER_IDS);
const EMPHASES = new Set<string>(EMPHASIS_MODES);
const SETTINGS_CHECKS: Record<keyof Settings, (value: unknown) => boolean> = {
  tiers: (v) => Array.isArray(v) && v.every((t) => typeof t === 'string' && TIERS.has(t)),
  minStrength: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1,
  emphasis: (v) => typeof v === 'string' && EMPHASES.has(v),
  // A stored "__proto__" host is an own key here but lost when zod copies the record: zod's to judge.
  sites: (v) =>
    isPlainObject(v) &&
    Object.entries(v).every(
      ([host, rule]) => host.length > 0 && host !== '__proto__' && (rule === 'always' || rule === 'never'),
    ),
  paused: (v) => typeof v === 'boolean',
};

/** The settings when `raw` is certainly valid (missing fields take their defaults, as in zod); else undefined. */
export function plainSettings(raw: unknown): Settings | undefined {
  if (!isPlainObject(raw)) return undefined;
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    // Own keys only: a stored key such as "valueOf" must not find Object.prototype's method.
    const check = Object.hasOwn(SETTINGS_CHECKS, key) ? SETTINGS_CHECKS[key as keyof Settings] : undefined;
    if (!check || value === undefined || !check(value)) return undefined;
    settings[key] = Array.isArray(value) ? [...value] : isPlainObject(value) ? { ...value } : value;
  }
  return settings as unknown as Settings;
}

const DISMISSAL_LIMITS: Record<keyof Dismissal, [min: number, max: number]> = {
  pageUrl: [1, 8000],
  claimId: [1, 200],
  sentence: [1, 6000],
  at: [0, Number.POSITIVE_INFINITY],
};
const DISMISSAL_KEYS = Object.keys(DISMISSAL_LIMITS);

function isDismissal(entry: unknown): entry is Dismissal {
  if (!isPlainObject(entry)) return false;
  const keys = Object.keys(entry);
  return (
    keys.length === DISMISSAL_KEYS.length &&
    keys.every((key) => {
      const value = entry[key];
      const limits = Object.hasOwn(DISMISSAL_LIMITS, key)
        ? DISMISSAL_LIMITS[key as keyof Dismissal]
        : undefined;
      return (
        limits !== undefined &&
        typeof value === 'string' &&
        value.length >= limits[0] &&
        value.length <= limits[1]
      );
    })
  );
}

/** The list when every entry is certainly valid; else undefined (the zod list quarantines the bad ones). */
export function plainDismissals(raw: unknown): Dismissal[] | undefined {
  if (!Array.isArray(raw) || !raw.every(isDismissal)) return undefined;
  return raw.map((d) => ({ pageUrl: d.pageUrl, claimId: d.claimId, sentence: d.sentence, at: d.at }));
}
