import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/match/normalize';
import { extractNumbers, numberAgrees } from '../../src/core/match/numbers';

const numbersIn = (text: string) =>
  extractNumbers(normalize(text).text).map(({ value, kind }) => ({ value, kind }));
const trillion = { value: 1e12, kind: 'count' as const, tolerance: 0.05 };

describe('extractNumbers', () => {
  it.each([
    ['around one trillion parameters'],
    ['a 1 trillion parameter model'],
    ['1T parameters'],
    ['1,000B parameters'],
    ['a 1‑trillion‑parameter Mixture‑of‑Experts design'],
    ['trillion‑parameter MoE scale'],
  ])('reads %s as one trillion', (text) => {
    expect(numbersIn(text).some((n) => numberAgrees(trillion, { ...n, start: 0, end: 0 }))).toBe(true);
  });

  it('does not equate 1.6T with 1T', () => {
    const [n] = numbersIn('V4-Pro has 1.6T total parameters');
    expect(n).toEqual({ value: 1.6e12, kind: 'count' });
    expect(numberAgrees(trillion, { ...n!, start: 0, end: 0 })).toBe(false);
  });

  it('treats 1M and 1,048,576 tokens as the same context size', () => {
    const million = { value: 1e6, kind: 'count' as const, tolerance: 0.05 };
    for (const text of ['1M tokens', 'one million tokens', '1,048,576 tokens', 'a million-token window']) {
      expect(numbersIn(text).some((n) => numberAgrees(million, { ...n, start: 0, end: 0 }))).toBe(true);
    }
  });

  it('reads percentages, prices, multipliers and ranges', () => {
    expect(numbersIn('about 90% on HumanEval')).toEqual([{ value: 90, kind: 'percent' }]);
    expect(numbersIn('70 to 90 percent lower')).toEqual([
      { value: 70, kind: 'percent' },
      { value: 90, kind: 'percent' },
    ]);
    expect(numbersIn('$0.27 input / $1.10 output')).toEqual([
      { value: 0.27, kind: 'usd' },
      { value: 1.1, kind: 'usd' },
    ]);
    expect(numbersIn('10–40× lower inference cost')).toEqual([
      { value: 10, kind: 'multiplier' },
      { value: 40, kind: 'multiplier' },
    ]);
    expect(numbersIn('from 256K to 1M tokens')).toEqual([
      { value: 256e3, kind: 'count' },
      { value: 1e6, kind: 'count' },
    ]);
    expect(numbersIn('a 1.8× speedup')).toEqual([{ value: 1.8, kind: 'multiplier' }]);
  });

  it('ignores model names and plurals', () => {
    expect(numbersIn('V3 and K2 beat H800 runs')).toEqual([]);
    expect(numbersIn('thousands or possibly even millions of tokens')).toEqual([]);
  });

  it('reads how a figure is bounded: over, far over, under, about, up to, a magnitude', () => {
    const read = (text: string) =>
      extractNumbers(normalize(text).text).map(({ qualifier, magnitude }) => ({ qualifier, magnitude }));
    for (const text of [
      '1M+ tokens',
      'more than 1 million tokens',
      'exceeding 1M tokens',
      "larger than V3's 128K",
    ])
      expect(read(text)[0]?.qualifier).toBe('over');
    for (const text of ['far beyond 1M tokens', 'well over one million tokens', 'beyond 1M tokens'])
      expect(read(text)[0]?.qualifier).toBe('far-over');
    expect(read('no more than 128K tokens')[0]?.qualifier).toBe('under');
    expect(read('approximately 200 billion parameters')[0]?.qualifier).toBe('about');
    expect(read('up to 384K output tokens')[0]?.qualifier).toBe('up-to');
    // "over" must touch the figure: a jump over V3's 128K is not "more than 128K".
    expect(read("a big jump over V3's 128K")[0]?.qualifier).toBeUndefined();
    expect(read('trillion-level parameters')[0]).toEqual({ qualifier: undefined, magnitude: true });
    expect(read('a trillion parameters')[0]?.magnitude).toBeUndefined();
  });

  it('lets a far-over claim be stated only by a figure said to be far exceeded', () => {
    const beyond = { value: 1e6, kind: 'count' as const, tolerance: 0.05, qualifier: 'far-over' as const };
    const [plus] = extractNumbers(normalize('1M+ tokens').text);
    const [far] = extractNumbers(normalize('far beyond 1M tokens').text);
    expect(numberAgrees(beyond, plus!)).toBe(false);
    expect(numberAgrees(beyond, far!)).toBe(true);
    // A magnitude covers 1T and 1.6T, not 2.8T.
    const [level] = extractNumbers(normalize('trillion-level').text);
    expect(numberAgrees({ value: 1.6e12, kind: 'count', tolerance: 0.05 }, level!)).toBe(true);
    expect(numberAgrees({ value: 2.8e12, kind: 'count', tolerance: 0.05 }, level!)).toBe(false);
  });
});
