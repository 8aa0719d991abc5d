import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../src/core/pack/validate';
import { ROOT, realPack, seedSentences } from '../support/pages';

/** A minimal valid pack; each test breaks one thing and expects one precise problem. */
function minimalPack() {
  return {
    id: 'test-pack',
    version: '1.0.0',
    asOf: '2026-11-01',
    title: 'Test pack',
    sources: [
      {
        id: 'model-card',
        title: 'DeepSeek-V4 model card',
        publisher: 'DeepSeek',
        date: '2026-04-24',
        kind: 'model-card',
        citedIn: 'v4-facts.md §2.1',
      },
    ],
    claims: [
      {
        id: 'v4-one-trillion',
        subject: 'deepseek-v4',
        topic: 'parameters',
        statement: 'DeepSeek V4 has about one trillion parameters.',
        settles: 'The model card gives V4-Pro 1.6T and V4-Flash 284B; no V4 model has about 1T.',
        tier: 'contradicted',
        rationale: 'The model card gives 1.6T for V4-Pro and 284B for V4-Flash.',
        history: [
          { tier: 'rumor', since: '2026-01', note: 'Leaks and blogs.' },
          { tier: 'contradicted', since: '2026-04-24', note: 'Model card.' },
        ],
        origin: { claimant: 'unknown', date: 'unknown' },
        evidence: { settles: ['model-card'], carries: [] as string[] },
        match: {
          all: [['parameter']],
          numbers: [{ value: 1e12, kind: 'count' }],
          paraphrases: ['V4 has one trillion parameters'],
        },
        related: [],
      },
    ],
  };
}

type Pack = ReturnType<typeof minimalPack>;
function problemsOf(mutate: (pack: Pack) => void) {
  const pack = minimalPack();
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.problems;
}

describe('validatePack', () => {
  it('accepts a valid pack', () => {
    expect(validatePack(minimalPack()).ok).toBe(true);
  });

  it('names the claim, field and problem for an invalid entry', () => {
    expect(problemsOf((p) => (p.claims[0]!.tier = 'probably'))).toEqual([
      expect.objectContaining({ entry: 'v4-one-trillion', field: 'tier' }),
    ]);
  });

  it('rejects duplicate ids', () => {
    expect(problemsOf((p) => p.claims.push(structuredClone(p.claims[0]!)))).toEqual([
      { entry: 'v4-one-trillion', field: 'id', message: 'duplicate claim id' },
    ]);
  });

  it('rejects dangling references', () => {
    const problems = problemsOf((p) => {
      p.claims[0]!.evidence.settles.push('nowhere');
      (p.claims[0]!.related as { type: string; claimId: string }[]).push({
        type: 'contradicts',
        claimId: 'ghost',
      });
    });
    expect(problems.map((x) => x.field)).toEqual(['evidence.settles.1', 'related.0.claimId']);
  });

  it('rejects a source without a date', () => {
    const problems = problemsOf((p) => delete (p.sources[0] as { date?: string }).date);
    expect(problems).toEqual([expect.objectContaining({ entry: 'model-card', field: 'date' })]);
  });

  it('rejects a tier history that is out of order or does not end in the current tier', () => {
    expect(problemsOf((p) => p.claims[0]!.history.reverse())).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'history.1.since',
          message: expect.stringContaining('out of order'),
        }),
        expect.objectContaining({ field: 'history', message: expect.stringContaining('ends in "rumor"') }),
      ]),
    );
  });

  it('rejects URLs that are not http(s)', () => {
    const problems = problemsOf((p) => Object.assign(p.sources[0]!, { url: 'javascript:alert(1)' }));
    expect(problems).toEqual([expect.objectContaining({ entry: 'model-card', field: 'url' })]);
  });
});

describe('the bundled pack in data/', () => {
  const pack = realPack();
  const seedText = (seed: string) => readFileSync(resolve(ROOT, `tests/fixtures/seeds/${seed}.txt`), 'utf8');

  it('validates and holds well over a hundred claims', () => {
    expect(pack.claims.length).toBeGreaterThan(100);
  });

  it('quotes the seed articles verbatim', () => {
    const notFound = pack.claims.flatMap((c) =>
      c.seeds.filter((q) => !seedText(q.seed).includes(q.text)).map((q) => `${c.id}: ${q.text}`),
    );
    expect(notFound).toEqual([]);
  });

  it('lists every seed claim sentence with existing claim ids', () => {
    const ids = new Set(pack.claims.map((c) => c.id));
    const fixtures = seedSentences();
    expect(fixtures.length).toBeGreaterThan(50);
    for (const f of fixtures) {
      expect(seedText(f.seed), f.text).toContain(f.text);
      for (const id of f.claimIds) expect(ids.has(id), `${id} in "${f.text}"`).toBe(true);
    }
  });

  it('gives the spot-checked claims the tiers a careful fact-checker would', () => {
    const tierOfStatement = (pattern: RegExp) =>
      pack.claims.filter((c) => pattern.test(c.statement)).map((c) => `${c.id}: ${c.tier}`);
    // Each spot check must find at least one claim, and every matching claim must carry the expected tier.
    const spot: [RegExp, string][] = [
      [/one trillion|~1T|1 trillion|1T parameters/i, 'contradicted'],
      [/Engram.*(in|part of|use).*V4|V4.*(uses?|include|ship|with).*Engram/i, 'contradicted'],
      [/Lunar New Year/i, 'contradicted'],
      [/image (and|or|\/) video generation|generat\w* (images|video)/i, 'contradicted'],
      [/HumanEval.*90|90%.*HumanEval/i, 'rumor'],
    ];
    for (const [pattern, tier] of spot) {
      const found = tierOfStatement(pattern);
      expect(found.length, String(pattern)).toBeGreaterThan(0);
      for (const entry of found) expect(entry, String(pattern)).toMatch(new RegExp(`: ${tier}$`));
    }
  });
});
