import type { Claim } from '../../core/pack/schema';
import { TIER_SEVERITY } from '../../core/tiers';
import { changedSincePublication } from '../../core/timeline';

/**
 * Most important first: what has changed since the article was published, then by how serious the tier
 * is. A contradicted claim the article repeated before release leads; a confirmed fact comes last.
 */
export function byImportance<T extends { claim: Pick<Claim, 'tier' | 'history'> }>(
  entries: T[],
  articleDate: string | null,
): T[] {
  const score = (e: T) =>
    TIER_SEVERITY[e.claim.tier] * 2 + (changedSincePublication(articleDate, e.claim.history) ? 1 : 0);
  return entries
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ entry }) => entry);
}
