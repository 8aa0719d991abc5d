import { describeMatch } from '../../core/match/describe-match';
import type { ClaimHit } from '../../core/match/matcher';
import type { Claim, ClaimPack, Source, TierStep } from '../../core/pack/schema';
import { SOURCE_KIND_LABELS } from '../../core/pack/source-kinds';
import { TIER_STYLES } from '../../core/tier-styles';
import { TierBadge } from '../shared/TierBadge';

export { TierBadge };

export interface CardEntry {
  claim: Claim;
  hit: ClaimHit;
}

export interface CardActions {
  onNotThisClaim(claimId: string): void;
  onSuggestCorrection(claimId: string): void;
}

export interface ClaimCardProps {
  entries: CardEntry[];
  sources: Map<string, Source>;
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  onClose(): void;
  /** Correction buttons exist only when something handles them. */
  actions?: CardActions;
}

function historyText(history: TierStep[]): string {
  return history
    .map((step, i) => {
      const next = history[i + 1];
      const label = TIER_STYLES[step.tier].label;
      return next ? `${label} from ${step.since} until ${next.since}` : `${label} since ${step.since}`;
    })
    .join('; ');
}

function SourceLine({ source }: { source: Source }) {
  const title = source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {source.title}
    </a>
  ) : (
    source.title
  );
  return (
    <>
      {title}{' '}
      <span class="muted">
        — {source.publisher}, {source.date} · {SOURCE_KIND_LABELS[source.kind]}
      </span>
    </>
  );
}

function ClaimSection({
  entry,
  sources,
  index,
  total,
  actions,
}: {
  entry: CardEntry;
  sources: Map<string, Source>;
  index: number;
  total: number;
  actions?: CardActions;
}) {
  const { claim, hit } = entry;
  const origin = claim.origin.sourceId ? sources.get(claim.origin.sourceId) : undefined;
  const evidence = claim.evidence.settles.map((id) => sources.get(id)).filter((s): s is Source => Boolean(s));
  const headingId = `claim-${index}`;
  return (
    <section class="claim" aria-labelledby={headingId} data-claim-id={claim.id}>
      <h2 id={headingId} class="claim-heading">
        <TierBadge tier={claim.tier} />
        {total > 1 && (
          <span class="muted">
            {' '}
            claim {index + 1} of {total}
          </span>
        )}
      </h2>
      <p class="tier-meaning">{TIER_STYLES[claim.tier].meaning}</p>
      <p class="statement">{claim.statement}</p>
      <dl>
        <dt>Why this tier</dt>
        <dd>{claim.rationale}</dd>
        <dt>How it changed</dt>
        <dd>
          <ol class="history">
            {claim.history.map((step) => (
              <li key={`${step.tier}-${step.since}`}>
                <TierBadge tier={step.tier} /> <span class="muted">since {step.since}:</span> {step.note}
              </li>
            ))}
          </ol>
          <span class="visually-hidden">{historyText(claim.history)}</span>
        </dd>
        <dt>Original source</dt>
        <dd>
          {claim.origin.claimant}
          {claim.origin.date !== 'unknown' ? `, ${claim.origin.date}` : ', date unknown'}
          {origin && (
            <>
              {' — '}
              <SourceLine source={origin} />
            </>
          )}
        </dd>
        {evidence.length > 0 && (
          <>
            <dt>Evidence</dt>
            <dd>
              <ul class="evidence">
                {evidence.map((s) => (
                  <li key={s.id}>
                    <SourceLine source={s} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Does this sentence state it?</dt>
        <dd class="match-strength" data-strength={hit.strength}>
          {describeMatch(hit)}
          <span class="muted">
            {' '}
            — how sure we are that these words state this claim, not whether it is true.
          </span>
        </dd>
      </dl>
      {actions && (
        <div class="actions">
          <button type="button" onClick={() => actions.onNotThisClaim(claim.id)}>
            Not this claim
          </button>
          <button type="button" onClick={() => actions.onSuggestCorrection(claim.id)}>
            Suggest a correction
          </button>
        </div>
      )}
    </section>
  );
}

export function ClaimCard({ entries, sources, pack, onClose, actions }: ClaimCardProps) {
  return (
    <div class="card" role="dialog" aria-label="Claim Lens: what is known about this claim">
      <header class="card-header">
        <span class="brand">Claim Lens</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {entries.map((entry, i) => (
        <ClaimSection
          key={entry.claim.id}
          entry={entry}
          sources={sources}
          index={i}
          total={entries.length}
          actions={actions}
        />
      ))}
      <footer class="card-footer muted">
        Claim pack v{pack.version}, data as of {pack.asOf}
      </footer>
    </div>
  );
}
