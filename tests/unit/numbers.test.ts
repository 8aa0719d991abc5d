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
});
