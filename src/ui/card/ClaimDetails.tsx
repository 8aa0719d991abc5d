import type { PageClaim } from '../../core/match/answer';
import type { Source } from '../../core/pack/schema';
import { formatDate } from '../../core/text';
import { TierBadge } from '../shared/TierBadge';
import { isThisPage, SourceLine } from './SourceLine';

export interface DetailsContext {
  sources: Map<string, Source>;
  page: { url?: string; title?: string };
}

function sourcesFor(ids: string[], { sources, page }: DetailsContext): Source[] {
  return ids.map((id) => sources.get(id)).filter((s): s is Source => Boolean(s) && !isThisPage(s!, page));
}

/**
 * What a reader asks for after the glance: why it has this tier, how it changed, what settles it (linked
 * where we know the address), where else it is claimed and who first said it. Folded by default.
 */
export function ClaimDetails({ claim, context }: { claim: PageClaim; context: DetailsContext }) {
  const settledBy = sourcesFor(claim.evidence.settles, context);
  const carriedBy = sourcesFor(claim.evidence.carries, context);
  const origin = claim.origin.sourceId ? context.sources.get(claim.origin.sourceId) : undefined;
  const originShown = origin && !isThisPage(origin, context.page) ? origin : undefined;
  return (
    <details class="details">
      <summary>Why, history and sources</summary>
      <p class="detail-label">Why this tier</p>
      <p>{claim.rationale}</p>
      <p class="detail-label">How it changed</p>
      <ol class="history">
        {claim.history.map((step) => (
          <li key={`${step.tier}-${step.since}`}>
            <TierBadge tier={step.tier} /> <span class="muted">{formatDate(step.since)}:</span> {step.note}
          </li>
        ))}
      </ol>
      {settledBy.length > 0 && (
        <>
          <p class="detail-label">Settled by</p>
          <ul class="sources settled-by">
            {settledBy.map((s) => (
              <li key={s.id}>
                <SourceLine source={s} />
              </li>
            ))}
          </ul>
        </>
      )}
      {carriedBy.length > 0 && (
        <>
          <p class="detail-label">Also claimed in</p>
          <ul class="sources carried-by">
            {carriedBy.map((s) => (
              <li key={s.id}>
                <SourceLine source={s} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="detail-label">First claimed</p>
      <p>
        {originShown ? <SourceLine source={originShown} /> : claim.origin.claimant}
        {!originShown && claim.origin.date !== 'unknown' && `, ${formatDate(claim.origin.date)}`}
      </p>
    </details>
  );
}
