import type { PageClaim, PageHit } from '../../core/match/answer';
import { describeMatch } from '../../core/match/describe-match';
import { TIER_STYLES } from '../../core/tier-styles';
import { claimTimeline } from '../../core/timeline';

/**
 * What a reader takes in at a glance: the claim, the line that settles it, what it was when the article
 * was published and what changed since, and how sure we are that this sentence states it. The tier badge
 * and its meaning are shown by the caller, above.
 */
export function ClaimGlance({
  claim,
  hit,
  articleDate,
  showStatement = true,
}: {
  claim: PageClaim;
  hit: PageHit;
  articleDate: string | null;
  /** False in a list of claims, where the row above already states it. */
  showStatement?: boolean;
}) {
  // The tier's meaning sits next to the badge above (single claim) or opens the body (list).
  const time = claimTimeline(articleDate, claim.history);
  return (
    <>
      {!showStatement && <p class="tier-meaning">{TIER_STYLES[claim.tier].meaning}</p>}
      {showStatement && <p class="statement">{claim.statement}</p>}
      {claim.settles && claim.settles !== claim.statement && <p class="settles">{claim.settles}</p>}
      <p class={`timeline timeline-${time.kind}`} data-timeline={time.kind}>
        <span class="timeline-icon" aria-hidden="true">
          {time.kind === 'changed' ? '⟳' : '◷'}
        </span>{' '}
        {time.text}
      </p>
      <p class="match-strength" data-strength={hit.strength}>
        <span class="detail-label-inline">Does this sentence state it?</span> {describeMatch(hit)}
        <span class="visually-hidden"> (how sure we are of the match, not whether the claim is true)</span>
      </p>
    </>
  );
}
