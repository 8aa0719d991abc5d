import type { ClaimPack } from '../../core/pack/schema';
import { pageTimeline, releaseDateOf } from '../../core/timeline';
import type { PageFindings } from '../../platform/protocol';
import { type SentenceGroup, summarizeSentences } from './summary';

/**
 * The page first, like a verdict: when it was published against V4's release and what has changed
 * since, then how many sentences are highlighted, by tier.
 */
export function PageSummary({
  page,
  groups,
  pack,
}: {
  page: PageFindings;
  groups: SentenceGroup[];
  pack: Pick<ClaimPack, 'claims'>;
}) {
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const stated = groups.flatMap((g) =>
    g.claims
      .filter((c) => !c.hidden)
      .flatMap((c) => {
        const claim = claims.get(c.claimId);
        return claim ? [claim] : [];
      }),
  );
  const line = pageTimeline(page.published?.date ?? null, releaseDateOf(pack.claims), stated);
  return (
    <div class="page-summary">
      <p class="date-line" data-published={page.published?.date ?? 'unknown'}>
        {line}
      </p>
      <p class="summary">{summarizeSentences(groups.filter((g) => g.claims.some((c) => !c.hidden)))}</p>
    </div>
  );
}
