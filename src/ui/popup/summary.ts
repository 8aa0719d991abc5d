import type { Claim } from '../../core/pack/schema';
import { plural } from '../../core/text';
import { TIER_IDS, TIER_SEVERITY, type Tier } from '../../core/tiers';
import { changedSincePublication } from '../../core/timeline';
import type { Finding } from '../../platform/protocol';

/** One claim as the popup lists it, under the sentence that states it. */
export interface FoundClaim {
  highlightId: string;
  claimId: string;
  tier: Tier;
  /** The sentence's words. */
  text: string;
  strengthLabel: string;
  /** Shown in place, with "Show again", after the reader hid it from this popup. */
  hidden?: boolean;
}

/** A highlighted sentence and the claims it states, most important first. */
export interface SentenceGroup {
  highlightId: string;
  text: string;
  /** The tier the highlight shows: the most serious of its claims. */
  tier: Tier;
  claims: FoundClaim[];
}

export const claimKey = (c: Pick<FoundClaim, 'text' | 'claimId'>) => `${c.text}\u241f${c.claimId}`;

type History = Pick<Claim, 'history'> | undefined;

/**
 * Sentences in order of what matters to a reader: those stating a claim that changed after the article
 * was published, then by the most serious tier; page order otherwise.
 */
export function sentenceGroups(
  findings: Finding[],
  claimOf: (id: string) => History,
  articleDate: string | null,
): SentenceGroup[] {
  const score = (c: { claimId: string; tier: Tier }) => {
    const history = claimOf(c.claimId)?.history;
    return TIER_SEVERITY[c.tier] * 2 + (history && changedSincePublication(articleDate, history) ? 1 : 0);
  };
  return findings
    .map((f, index) => {
      // Within a sentence the claims keep the labeler's order: the first is the one its highlight is
      // painted with and its card opens on.
      const claims = f.claims.map((c) => ({
        highlightId: f.highlightId,
        claimId: c.claimId,
        tier: c.tier,
        text: f.text,
        strengthLabel: c.strengthLabel,
      }));
      const top = Math.max(...claims.map(score));
      return {
        group: { highlightId: f.highlightId, text: f.text, tier: claims[0]!.tier, claims },
        index,
        top,
      };
    })
    .sort((a, b) => b.top - a.top || a.index - b.index)
    .map(({ group }) => group);
}

/**
 * Keeps claims the reader just hid, in place, as "hidden" rows: the page relabels without them, but the
 * popup must not move what is under the reader's focus.
 */
export function keepHiddenInPlace(
  next: SentenceGroup[],
  previous: SentenceGroup[],
  hidden: Set<string>,
): SentenceGroup[] {
  const result = next.map((g) => ({
    ...g,
    claims: g.claims.map((c) => (hidden.has(claimKey(c)) ? { ...c, hidden: true } : c)),
  }));
  previous.forEach((old, index) => {
    const kept = old.claims.filter((c) => hidden.has(claimKey(c)));
    if (kept.length === 0) return;
    let group = result.find((g) => g.text === old.text);
    if (!group) {
      group = { ...old, claims: [] };
      // Before the sentence that followed it last time, so the list does not move under the reader.
      const after = previous.slice(index + 1).find((p) => result.some((g) => g.text === p.text));
      const at = after ? result.findIndex((g) => g.text === after.text) : result.length;
      result.splice(at, 0, group);
    }
    for (const claim of kept) {
      if (group.claims.some((c) => c.claimId === claim.claimId)) continue;
      const at = Math.min(old.claims.indexOf(claim), group.claims.length);
      group.claims.splice(at, 0, { ...claim, hidden: true });
    }
  });
  return result;
}

/** Highlighted sentences per tier, each counted once, by the tier its highlight shows. */
export function tierCounts(groups: Pick<SentenceGroup, 'tier'>[]): { tier: Tier; count: number }[] {
  return TIER_IDS.map((tier) => ({ tier, count: groups.filter((g) => g.tier === tier).length })).filter(
    (t) => t.count > 0,
  );
}

/** "12 highlighted sentences"; the count per tier is on the chips below it. */
export function summarizeSentences(groups: Pick<SentenceGroup, 'tier'>[]): string {
  if (groups.length === 0) return 'No highlighted sentences';
  return plural(groups.length, { one: 'highlighted sentence', other: 'highlighted sentences' });
}
