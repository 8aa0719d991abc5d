import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../src/build/load-node';
import { internalReference, reportedSpeech } from '../../src/core/pack/reader-text';
import type { ClaimPack } from '../../src/core/pack/schema';
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '../../src/core/pack/source-kinds';
import { validatePack } from '../../src/core/pack/validate';
import { ROOT } from '../support/pages';

/** data/ as written, unvalidated, so a failure names the entry instead of stopping at the first problem. */
const raw = readPackFiles(resolve(ROOT, 'data')) as ClaimPack;

/** Every text a reader can see on the card or popup, with where it lives. */
function readerTexts(pack: ClaimPack): [where: string, text: string][] {
  return [
    ...pack.sources.flatMap((s): [string, string][] => [
      [`${s.id} title`, s.title],
      [`${s.id} publisher`, s.publisher],
    ]),
    ...pack.claims.flatMap((c): [string, string][] => [
      [`${c.id} statement`, c.statement],
      [`${c.id} settles`, c.settles],
      [`${c.id} rationale`, c.rationale],
      [`${c.id} origin`, c.origin.claimant],
      ...c.history.map((h, i): [string, string] => [`${c.id} history ${i}`, h.note]),
    ]),
  ];
}

describe('reader-facing text in data/', () => {
  it('never mentions research notes, section numbers, seeds or fixtures', () => {
    const leaks = readerTexts(raw)
      .filter(([, text]) => internalReference(text) || /§|v4-facts|\bseed\s*\d|our notes|fixture/i.test(text))
      .map(([where, text]) => `${where}: ${text}`);
    expect(leaks).toEqual([]);
  });

  it('never shows a publisher or claimant as "unknown (…)"', () => {
    const texts = [
      ...raw.sources.map((s) => `${s.id}: ${s.publisher}`),
      ...raw.claims.map((c) => `${c.id}: ${c.origin.claimant}`),
    ];
    expect(texts.filter((t) => /: unknown \(/i.test(t))).toEqual([]);
  });

  it('states every claim as the claim itself, never as reported speech', () => {
    const speech = raw.claims
      .filter((c) => reportedSpeech(c.statement))
      .map((c) => `${c.id}: ${c.statement}`);
    expect(speech).toEqual([]);
  });

  it('gives every claim a settles sentence short enough to take in at a glance', () => {
    const long = raw.claims.filter((c) => c.settles.length > 260).map((c) => `${c.id} (${c.settles.length})`);
    expect(long).toEqual([]);
    expect(raw.claims.filter((c) => c.settles === c.rationale).map((c) => c.id)).toEqual([]);
  });

  it('names every source kind in words, not codes', () => {
    for (const kind of SOURCE_KINDS) {
      expect(SOURCE_KIND_LABELS[kind], kind).toMatch(/^[A-Za-z’' -]+$/);
      expect(SOURCE_KIND_LABELS[kind]).not.toBe(kind);
    }
  });
});

describe('reportedSpeech', () => {
  it.each([
    'Leaks and blogs say DeepSeek V4 has about one trillion total parameters.',
    'Reports say DeepSeek V4 routes each token to 16 experts.',
    'Community speculation put DeepSeek V4’s context window between 256K and 1M tokens.',
    'Internal tests reportedly show DeepSeek V4 beating Claude.',
    'DeepSeek says DeepSeek-V4-Pro has 1.6T total parameters.',
    'According to leakers, V4 scores 90% on HumanEval.',
  ])('flags “%s”', (statement) => {
    expect(reportedSpeech(statement)).toBeDefined();
  });

  it.each([
    'DeepSeek V4 has about one trillion total parameters.',
    'The Engram paper finds a U-shaped scaling law for splitting capacity between MoE and Engram.',
    'DeepSeek released and open-sourced DeepSeek V4 on 2026-04-24.',
    'DeepSeek-V4-Pro (preview) scores 80.6 on SWE-bench Verified.',
  ])('accepts “%s”', (statement) => {
    expect(reportedSpeech(statement)).toBeUndefined();
  });
});

describe('validatePack on reader text', () => {
  const valid = () => structuredClone(raw);

  it('rejects a rationale that cites the research notes, naming the claim and field', () => {
    const pack = valid();
    pack.claims[0]!.rationale = 'The model card says so (v4-facts §2.1).';
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(
        expect.objectContaining({ entry: pack.claims[0]!.id, field: 'rationale' }),
      );
    }
  });

  it('rejects a publisher that mentions a seed article', () => {
    const pack = valid();
    pack.sources[0]!.publisher = 'unknown (blogs summarised in seed 004)';
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({ entry: pack.sources[0]!.id, field: 'publisher' }),
    );
  });

  it('rejects a statement in reported speech', () => {
    const pack = valid();
    pack.claims[0]!.statement = 'Leaks say DeepSeek V4 has about one trillion parameters.';
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({ entry: pack.claims[0]!.id, field: 'statement' }),
    );
  });
});
