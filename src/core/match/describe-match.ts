import type { ClaimHit } from './matcher';

/**
 * Match strength in words, so nobody mistakes "how sure we are this sentence states the claim" for
 * "how true the claim is" (that is the tier).
 */
export function describeMatch(
  hit: Pick<ClaimHit, 'strength' | 'numbersMatched' | 'approximate' | 'wordOverlap'>,
): string {
  const parts: string[] = [];
  if (hit.numbersMatched) parts.push('same numbers');
  if (hit.approximate) parts.push('approximate wording');
  else if (hit.wordOverlap >= 0.6) parts.push('close paraphrase');
  else if (hit.wordOverlap >= 0.3) parts.push('paraphrase');
  else parts.push('key terms only');
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (${Math.round(hit.strength * 100)}% match)`;
}
