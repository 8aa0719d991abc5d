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
  /**
   * How the text bounds the figure: "over" ("1M+", "more than", "exceeding 1 million"), "far-over" ("far
   * beyond", "well over", "way more than"), "under" ("less than", "below"), "about" ("approximately") or
   * "up-to" (a maximum: "up to 1M tokens").
   */
  qualifier?: NumberQualifier;
  /**
   * A scale word alone ("trillion-parameter", "trillion-level"): an order of magnitude, which 1T and 1.6T
   * both are, not a value.
   */
  magnitude?: boolean;
}

export type NumberQualifier = 'over' | 'far-over' | 'under' | 'about' | 'up-to';

// Words right before a figure that bound it. A comparative may reach past a possessive ("larger than
// V3's 128K"); "over" and "more than" must touch the figure ("over 1M", not "a jump over V3's 128K").
// The first pattern that fits wins: "no more than" is "under", "well over" is "far-over".
const EXCEEDS =
  '(?:more than|over|above|in excess of|beyond|past|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|(?:larger|greater|bigger|longer|higher) than)';
const POSSESSIVE = "(?:\\s+[\\w.-]+'s?)?";
const before = (source: string) => new RegExp(`(?<![\\p{L}])(?:${source})\\s+$`, 'u');
const QUALIFIER_BEFORE: [NumberQualifier, RegExp][] = [
  ['under', before('less than|fewer than|under|below|at most|no more than|not more than|shy of')],
  ['far-over', before(`(?:(?:far|well|way|much|significantly|vastly)\\s+${EXCEEDS}|beyond)${POSSESSIVE}`)],
  [
    'over',
    before(
      `more than|over|above|at least|upwards of|north of|in excess of|(?:past|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|(?:larger|greater|bigger|longer|higher) than)${POSSESSIVE}`,
    ),
  ],
  ['about', before('about|around|approximately|approx\\.?|roughly|nearly|almost|close to|some|circa')],
  ['up-to', before('up to|as (?:many|much|long) as')],
];
// "1M+", "1M-plus", "1 million plus".
const PLUS_AFTER = /^(?:\s?\+|[\s-]plus(?![\p{L}]))/u;

function qualifierOf(normalized: string, start: number, end: number): NumberQualifier | undefined {
  if (PLUS_AFTER.test(normalized.slice(end, end + 6))) return 'over';
  const before = normalized.slice(Math.max(0, start - 40), start);
  // "no more than" is "under", not "over": the first pattern that fits wins.
  for (const [qualifier, pattern] of QUALIFIER_BEFORE) if (pattern.test(before)) return qualifier;
  return undefined;
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

interface RawNumber extends Omit<FoundNumber, 'qualifier'> {
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
      ...(m[1] ? {} : { magnitude: true }),
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
  return raw.map(({ value, kind, start, end, explicit, magnitude }) => {
    const qualifier = qualifierOf(normalized, start, end);
    return {
      value,
      kind,
      start,
      end,
      bare: !explicit,
      ...(qualifier ? { qualifier } : {}),
      ...(magnitude ? { magnitude } : {}),
    };
  });
}

export function numberAgrees(expected: ExpectedNumber, found: FoundNumber): boolean {
  // "SWE-bench Verified 80.6" states a percentage without the sign.
  const bareScore =
    expected.kind === 'percent' && found.kind === 'count' && found.bare === true && found.value <= 100;
  if (expected.kind !== found.kind && !bareScore) return false;
  // "Far beyond 1M tokens" is stated only by a figure said to be far exceeded.
  if (expected.qualifier === 'far-over' && found.qualifier !== 'far-over') return false;
  // "Trillion-level" is one trillion or a little more (1.6T is a trillion-parameter model; 2.8M hours are
  // not a million).
  if (found.magnitude) return expected.value >= found.value && expected.value < found.value * 2;
  const tolerance = Math.abs(expected.value) * expected.tolerance;
  return Math.abs(found.value - expected.value) <= tolerance + Number.EPSILON;
}

/**
 * Whether a figure keeps clear of a value rather than giving it: "far more than 1M" or "under 1M" tokens
 * does not say the context is 1M ("1M+", "about 1M" and "up to 1M" do).
 */
export function keepsClearOf(found: FoundNumber): boolean {
  return found.qualifier === 'far-over' || found.qualifier === 'under';
}
