import type { ExpectedNumber, NumberKind } from '../pack/schema';

/**
 * Canonical quantities in normalized text: "1 trillion", "1T", "1,000B" and "one trillion" are all
 * { value: 1e12, kind: 'count' }; "90 percent" and "90%" are { 90, 'percent' }; "10–40×" is 10x and 40x.
 */
export interface FoundNumber {
  value: number;
  kind: NumberKind;
  start: number;
  end: number;
  /** Written with no scale or unit ("80.6"): benchmark scores are often given this way. */
  bare?: boolean;
}

const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SCALE_LETTERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

// A digit run not glued to a preceding letter or digit (so "v3", "k2", "h800" are names, not numbers),
// with an optional scale (word or attached letter) and an optional unit (% / percent / x).
const DIGIT_QUANTITY =
  /(\$\s?)?(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[\s-]?(trillion|billion|million|thousand)(?![\p{L}])|\s?([kmbt])(?![\p{L}\p{N}]))?(\s?(?:%|percent\b|per cent\b)|\s?x(?![\p{L}\p{N}]))?/gu;

// "one trillion", "a million", or a bare singular scale word ("trillion-parameter"); never plurals
// ("millions of tokens" is not a number).
const WORD_QUANTITY =
  /(?<![\p{L}])(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s)?(trillion|billion|million|thousand)(?![\p{L}])/gu;

const RANGE_JOINER = /^\s?(?:-|to|and)\s?$/;

interface RawNumber extends FoundNumber {
  /** Whether the text gave a scale or unit; a bare first number in a range borrows the second's. */
  explicit: boolean;
  scale: number;
}

function unitKind(unit: string | undefined, dollar: boolean): NumberKind {
  if (dollar) return 'usd';
  if (!unit) return 'count';
  return unit.trim() === 'x' ? 'multiplier' : 'percent';
}

export function extractNumbers(normalized: string): FoundNumber[] {
  const raw: RawNumber[] = [];
  for (const m of normalized.matchAll(DIGIT_QUANTITY)) {
    const [whole, dollar, digits, scaleWord, scaleLetter, unit] = m;
    const base = Number(digits!.replace(/,/g, ''));
    const scale = scaleWord ? SCALE_WORDS[scaleWord]! : scaleLetter ? SCALE_LETTERS[scaleLetter]! : 1;
    const kind = unitKind(unit, Boolean(dollar));
    raw.push({
      value: base * scale,
      kind,
      start: m.index,
      end: m.index + whole.length,
      explicit: Boolean(scaleWord || scaleLetter || unit),
      scale,
    });
  }
  for (const m of normalized.matchAll(WORD_QUANTITY)) {
    const start = m.index;
    if (raw.some((n) => start < n.end && start + m[0].length > n.start)) continue;
    const multiplier = m[1] ? NUMBER_WORDS[m[1]]! : 1;
    const scale = SCALE_WORDS[m[2]!]!;
    raw.push({
      value: multiplier * scale,
      kind: 'count',
      start,
      end: start + m[0].length,
      explicit: true,
      scale,
    });
  }
  raw.sort((a, b) => a.start - b.start);
  // "10–40x", "70 to 90 percent", "256K to 1M": a bare first number takes the unit and scale of the second.
  for (let i = 0; i + 1 < raw.length; i++) {
    const first = raw[i]!;
    const second = raw[i + 1]!;
    if (first.explicit || !second.explicit || first.kind === 'usd') continue;
    if (!RANGE_JOINER.test(normalized.slice(first.end, second.start))) continue;
    first.kind = second.kind;
    first.value *= second.scale;
  }
  return raw.map(({ value, kind, start, end, explicit }) => ({ value, kind, start, end, bare: !explicit }));
}

export function numberAgrees(expected: ExpectedNumber, found: FoundNumber): boolean {
  // "SWE-bench Verified 80.6" states a percentage without the sign.
  const bareScore =
    expected.kind === 'percent' && found.kind === 'count' && found.bare === true && found.value <= 100;
  if (expected.kind !== found.kind && !bareScore) return false;
  const tolerance = Math.abs(expected.value) * expected.tolerance;
  return Math.abs(found.value - expected.value) <= tolerance + Number.EPSILON;
}
