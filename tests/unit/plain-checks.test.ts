import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../src/core/settings/schema';
import { EMPHASIS_MODES } from '../../src/core/tier-styles';
import { TIER_IDS } from '../../src/core/tiers';
import { DismissalSchema } from '../../src/platform/dismissals';
import { defaultSettings, plainDismissals, plainSettings } from '../../src/platform/storage/plain-checks';

// The page's hand-written checks may only ever be stricter than zod: what they accept, zod accepts, with
// the same value. What they refuse goes to zod, so refusing a valid value costs time, never correctness.

const settingsLike = fc.record(
  {
    tiers: fc.oneof(fc.array(fc.constantFrom(...TIER_IDS, 'rumour', '')), fc.string()),
    minStrength: fc.oneof(fc.double(), fc.constant(0.5), fc.string()),
    emphasis: fc.oneof(fc.constantFrom(...EMPHASIS_MODES), fc.string()),
    sites: fc.oneof(
      fc.dictionary(fc.string(), fc.constantFrom('always', 'never', 'sometimes')),
      fc.array(fc.string()),
    ),
    paused: fc.oneof(fc.boolean(), fc.constant('false'), fc.constant(undefined)),
    correctionRepo: fc.string(),
    other: fc.integer(),
  },
  { requiredKeys: [] },
);

const dismissalLike = fc.record(
  {
    pageUrl: fc.oneof(fc.webUrl(), fc.constant(''), fc.string({ minLength: 7990, maxLength: 8010 })),
    claimId: fc.oneof(fc.string({ maxLength: 210 }), fc.integer()),
    sentence: fc.string({ maxLength: 40 }),
    at: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constant(null),
    ),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);

describe('the page reads stored values without zod', () => {
  it('uses the same defaults as the settings schema', () => {
    expect(defaultSettings()).toEqual(SettingsSchema.parse({}));
  });

  it('accepts only settings zod accepts, and reads them the same', () => {
    fc.assert(
      fc.property(fc.oneof(settingsLike, fc.anything()), (raw) => {
        const plain = plainSettings(raw);
        if (plain !== undefined) expect(plain).toEqual(SettingsSchema.parse(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts what the options page stores', () => {
    const stored = { ...SettingsSchema.parse({}), paused: true, sites: { 'example.com': 'never' } };
    expect(plainSettings(stored)).toEqual(stored);
    expect(plainSettings({ minStrength: 0.8 })).toEqual({ ...SettingsSchema.parse({}), minStrength: 0.8 });
  });

  it('refuses stored keys named like Object.prototype’s methods instead of calling them', () => {
    // fast-check found this: {"valueOf": {}} threw, and a throw here would skip the zod item's repair.
    for (const key of ['valueOf', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(plainSettings(JSON.parse(`{"${key}": {}}`))).toBeUndefined();
      const dismissal = { pageUrl: 'https://a.test/x', claimId: 'c1', sentence: 's', [key]: 'x' };
      expect(plainDismissals([dismissal])).toBeUndefined();
    }
    expect(plainSettings(JSON.parse('{"__proto__": {"paused": true}}'))).toBeUndefined();
    // zod drops a "__proto__" host when it copies the record, so the plain check must not keep it.
    const protoHost = JSON.parse('{"sites": {"__proto__": "never", "a.test": "always"}}');
    expect(plainSettings(protoHost)).toBeUndefined();
    expect(SettingsSchema.parse(protoHost).sites).toEqual({ 'a.test': 'always' });
  });

  it('refuses what zod refuses, so the zod item can quarantine it', () => {
    expect(plainSettings({ tiers: ['rumour'] })).toBeUndefined();
    expect(plainSettings({ minStrength: 2 })).toBeUndefined();
    expect(plainSettings('settings')).toBeUndefined();
  });

  it('accepts only dismissal lists whose every entry zod accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(dismissalLike, { maxLength: 3 }), fc.anything()), (raw) => {
        const plain = plainDismissals(raw);
        if (plain === undefined) return;
        expect(plain).toEqual((raw as unknown[]).map((entry) => DismissalSchema.parse(entry)));
      }),
      { numRuns: 2000 },
    );
    const good = {
      pageUrl: 'https://a.test/x',
      claimId: 'c1',
      sentence: 'Words.',
      at: '2026-01-01T00:00:00Z',
    };
    expect(plainDismissals([good])).toEqual([good]);
    expect(plainDismissals([{ ...good, claimId: '' }])).toBeUndefined();
  });
});
