import type { AttributeId, NumberKind } from '../pack/schema';
import { findTerm, type Token, termWords } from './normalize';
import type { FoundNumber } from './numbers';

/**
 * "Model + attribute + value" in any wording: which measurable attribute a figure in a sentence gives
 * ("1.2 trillion parameters" → total parameters = 1.2e12). The matcher compares the value with every
 * claim that states that attribute; a value none of them knows is checked against the official figure.
 */
interface AttributeReader {
  id: AttributeId;
  /** Words that name the attribute; the figure must stand within a few words of one. */
  terms: string[][];
  /** Words that, near the figure, say it is something else (a price, a training set, an active count). */
  not: string[][];
  kind: NumberKind;
  /** Plausible range: a figure outside it is not this attribute ("8 parameters" is not a model size). */
  min: number;
  max: number;
}

const words = (list: string[]) => list.map(termWords);

const READERS: AttributeReader[] = [
  {
    id: 'active-parameters',
    terms: words(['active', 'activated', 'activates', 'activating', 'activation']),
    not: words(['experts', 'expert']),
    kind: 'count',
    min: 1e9,
    max: 2e11,
  },
  {
    id: 'total-parameters',
    terms: words(['parameter', 'params', 'parameter model', 'parameter moe']),
    not: words([
      'active',
      'activated',
      'activates',
      'activation',
      'per token',
      'training',
      'trained',
      'tokens',
    ]),
    kind: 'count',
    min: 1e10,
    max: 2e13,
  },
  {
    id: 'context-length',
    terms: words(['context', 'context window', 'context length', 'token window']),
    not: words([
      'price',
      'pricing',
      'cost',
      'per million',
      'per 1m',
      'input',
      'output',
      'trained',
      'training',
      'pre trained',
      'needle',
      'haystack',
      'accuracy',
      'retrieval',
      'output length',
      'max output',
    ]),
    kind: 'count',
    min: 8e3,
    max: 1e8,
  },
];

/** How many words from the attribute's term the figure may stand: "1.6 trillion total parameters". */
const NEAR = 4;

export interface AttributeValue {
  attribute: AttributeId;
  number: FoundNumber;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.end <= offset) i++;
  return i;
}

function termNear(tokens: Token[], terms: string[][], from: number, to: number): boolean {
  const window = tokens.slice(Math.max(0, from), Math.min(tokens.length, to));
  return terms.some((t) => findTerm(window, t) >= 0);
}

/** The attribute values a sentence states, at most one attribute per figure. */
export function readAttributeValues(tokens: Token[], numbers: FoundNumber[]): AttributeValue[] {
  const values: AttributeValue[] = [];
  for (const number of numbers) {
    if (number.bare) continue;
    const at = tokenIndexAt(tokens, number.start);
    const end = tokenIndexAt(tokens, number.end);
    for (const reader of READERS) {
      if (number.kind !== reader.kind || number.value < reader.min || number.value > reader.max) continue;
      if (!termNear(tokens, reader.terms, end, end + NEAR) && !termNear(tokens, reader.terms, at - NEAR, at))
        continue;
      if (termNear(tokens, reader.not, at - 2, end + 2)) continue;
      values.push({ attribute: reader.id, number });
      break;
    }
  }
  return values;
}

/**
 * Whether the words right around a figure say it measures something other than `attribute`: "1M" in "$0.14
 * per 1M input tokens" or "accuracy at one million tokens" is not a context length.
 */
export function figureIsOtherwise(tokens: Token[], number: FoundNumber, attribute: AttributeId): boolean {
  const reader = READERS.find((r) => r.id === attribute);
  if (!reader) return false;
  const at = tokenIndexAt(tokens, number.start);
  const end = tokenIndexAt(tokens, number.end);
  return termNear(tokens, reader.not, at - 2, end + 2);
}
