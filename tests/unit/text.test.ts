import { describe, expect, it } from 'vitest';
import { collapse, formatDate, joinList, plural, truncate } from '../../src/core/text';

describe('text helpers', () => {
  it('formats partial dates no more precisely than they are', () => {
    expect(formatDate('2026')).toBe('2026');
    expect(formatDate('2026-04')).toBe('April 2026');
    expect(formatDate('2026-04-24')).toBe('24 April 2026');
    expect(formatDate('unknown')).toBe('unknown');
  });
  it('writes every day of 2025–2027 as British English does (Intl, en-GB)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(formatDate(day)).toBe(intl.format(new Date(t)));
    }
  });
  it('plurals through Intl.PluralRules', () => {
    expect(plural(1, { one: 'claim', other: 'claims' })).toBe('1 claim');
    expect(plural(0, { one: 'claim', other: 'claims' })).toBe('0 claims');
    expect(plural(12, { one: 'claim', other: 'claims' })).toBe('12 claims');
  });
  it('collapses, truncates at a word, joins lists', () => {
    expect(collapse('  a \n b  ')).toBe('a b');
    expect(truncate('one two three four five six', 15)).toBe('one two three…');
    expect(truncate('short', 15)).toBe('short');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
