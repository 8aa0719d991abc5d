import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../src/build/load-node';
import type { ClaimPack, Source } from '../../src/core/pack/schema';
import { isPrimaryKind } from '../../src/core/pack/source-kinds';
import { validatePack } from '../../src/core/pack/validate';
import { ROOT } from '../support/pages';

const raw = readPackFiles(resolve(ROOT, 'data')) as ClaimPack;
const sources = new Map<string, Source>(raw.sources.map((s) => [s.id, s]));
const claim = (id: string) => {
  const found = raw.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

/** The seed articles are the pages readers read; their source ids start with the seed number. */
const seedSourceOf = (seedFile: string) =>
  raw.sources.find((s) => s.id.startsWith(`seed-${seedFile.slice(0, 3)}-`));

describe('evidence in data/', () => {
  it('never cites an article that carries a claim as evidence that settles it', () => {
    const circular = raw.claims.flatMap((c) =>
      c.evidence.settles.filter((id) => c.evidence.carries.includes(id)).map((id) => `${c.id}: ${id}`),
    );
    expect(circular).toEqual([]);
  });

  it('lists the seed article a claim was found in as carrying it, never as settling it', () => {
    const wrong = raw.claims.flatMap((c) =>
      (c.seeds ?? []).flatMap((q) => {
        const article = seedSourceOf(q.seed);
        if (!article) return [`${c.id}: no source for seed ${q.seed}`];
        if (c.evidence.settles.includes(article.id)) return [`${c.id}: ${article.id} settles`];
        if (!c.evidence.carries.includes(article.id)) return [`${c.id}: ${article.id} not in carries`];
        return [];
      }),
    );
    expect(wrong).toEqual([]);
    expect(raw.claims.flatMap((c) => c.evidence.settles.filter((id) => id.startsWith('seed-')))).toEqual([]);
  });

  it('settles every contradicted claim with at least one primary (DeepSeek) source', () => {
    const contradicted = raw.claims.filter((c) => c.tier === 'contradicted');
    expect(contradicted.length).toBeGreaterThan(10);
    const unsettled = contradicted
      .filter((c) => !c.evidence.settles.some((id) => isPrimaryKind(sources.get(id)!.kind)))
      .map((c) => c.id);
    expect(unsettled).toEqual([]);
  });

  it('lists primary sources first among those that settle a claim', () => {
    const misordered = raw.claims.filter((c) => {
      const primary = c.evidence.settles.map((id) => isPrimaryKind(sources.get(id)!.kind));
      return primary.some((p, i) => p && primary.slice(0, i).some((q) => !q));
    });
    expect(misordered.map((c) => c.id)).toEqual([]);
  });

  it('flags the titles we wrote ourselves as descriptions', () => {
    for (const id of [
      'reuters-2026-01-09',
      'the-information-2026-01',
      'ft-2026-02-27',
      'seed-003-two-sessions',
    ]) {
      expect(sources.get(id)?.descriptive, id).toBe(true);
    }
    expect(sources.get('v4-model-card')?.descriptive).toBeUndefined();
  });
});

describe('tiers a late-2026 reader can rely on', () => {
  it.each([
    // Unsupported or undisclosed is not false: these stay rumors.
    ['model1-tiered-kv-cache', 'rumor'],
    ['v4-trained-entirely-ascend-950pr', 'rumor'],
    ['v4-dual-rtx-4090-5090', 'rumor'],
    ['v4-pro-retired-for-v41', 'rumor'],
    // A DeepSeek paper's own finding is confirmed as a statement about the paper; Engram in V4 is not.
    ['engram-optimal-20-25pct-memory', 'confirmed'],
    ['v4-engram-memory', 'contradicted'],
    // Intent and headlines are coverage's, not DeepSeek's.
    ['v4-coding-focus', 'reported'],
    ['v4-agent-focus', 'reported'],
    ['dspark-60-85pct-faster', 'rumor'],
    ['v4-pro-launch-input-1-74', 'reported'],
    // Common post-release errors.
    ['v4-costs-v3-price', 'contradicted'],
    ['deepseek-chat-is-v3', 'contradicted'],
    ['v4-pro-promo-ends-2026-05-31', 'contradicted'],
    ['v4-pro-price-reverts-to-launch', 'contradicted'],
    ['v4-released-april-23', 'contradicted'],
    ['v3-introduced-1m-context', 'contradicted'],
    ['v4-context-128k', 'contradicted'],
    // A chip name nobody announced is unsupported, not shown false.
    ['v4-runs-on-ascend-920', 'rumor'],
    // The 75% cut outlived its stated end date: true, then superseded by peak/off-peak pricing.
    ['v4-pro-discount-permanent', 'confirmed'],
  ])('%s is %s', (id, tier) => {
    expect(claim(id).tier).toBe(tier);
  });

  it('scopes Pro-only facts to V4-Pro in the statement itself', () => {
    for (const id of [
      'v4-swe-bench-verified-over-80',
      'v4-total-params-increase-over-v3',
      'v4-active-params-increase-over-v3',
    ]) {
      expect(claim(id).statement, id).toMatch(/V4-Pro/);
    }
  });

  it('records the 2026-08-16 price change on the prices it replaced, and links what replaced them', () => {
    for (const id of [
      'v4-pro-price-cut-75pct',
      'v4-pro-discounted-input-0-435',
      'v4-flash-launch-input-0-14',
      'v4-pro-discount-permanent',
      'v4-flash-price-unchanged-by-pro-cut',
    ]) {
      const c = claim(id);
      expect(
        c.history.some((h) => h.since === '2026-08-16' && /peak/.test(h.note)),
        id,
      ).toBe(true);
      expect(
        c.related.some((r) => r.type === 'superseded-by'),
        id,
      ).toBe(true);
    }
    expect(claim('v4-pro-price-cut-75pct').match.paraphrases.join(' ')).not.toMatch(/\bnow\b/);
  });

  it('gives the prices a late-2026 reader pays', () => {
    const priced = (id: string) => claim(id).match.numbers.map((n) => n.value);
    expect(priced('v4-pro-0813-peak-offpeak-input')).toEqual([0.66]);
    expect(priced('v4-pro-0813-peak-offpeak-output')).toEqual([1.98]);
    expect(priced('v41-flash-price-input')).toEqual([0.15]);
    expect(priced('v41-flash-price-output')).toEqual([0.6]);
    expect(claim('v4-pro-0813-peak-offpeak-input').tier).toBe('confirmed');
  });

  it('marks dates worked out from a passed window as computed', () => {
    const step = claim('v4-release-feb-17').history.at(-1)!;
    expect(step).toMatchObject({ since: '2026-02-18', tier: 'contradicted', computed: true });
  });
});

describe('validatePack on evidence', () => {
  const valid = () => structuredClone(raw);

  it('rejects a source that both settles and carries a claim', () => {
    const pack = valid();
    const c = pack.claims.find((x) => x.id === 'v4-total-params-1t')!;
    c.evidence.settles.push('seed-004-wordjog');
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({
        entry: 'v4-total-params-1t',
        field: expect.stringMatching(/^evidence\.settles\./),
      }),
    );
  });

  it('rejects a contradicted claim settled only by media', () => {
    const pack = valid();
    const c = pack.claims.find((x) => x.id === 'v4-total-params-1t')!;
    c.evidence.settles = ['rustwood-au'];
    c.evidence.carries = c.evidence.carries.filter((id) => id !== 'rustwood-au');
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toContainEqual({
      entry: 'v4-total-params-1t',
      field: 'evidence.settles',
      message: expect.stringContaining('primary'),
    });
  });
});
