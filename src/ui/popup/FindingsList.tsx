import { useEffect, useRef, useState } from 'preact/hooks';
import { TIER_STYLES } from '../../core/tier-styles';
import type { Tier } from '../../core/tiers';
import { TierBadge } from '../shared/TierBadge';
import { claimKey, type FoundClaim, type SentenceGroup, tierCounts } from './summary';

export interface FindingActions {
  onFocus(found: FoundClaim): void;
  onNotThisClaim(found: FoundClaim): void;
  onShowAgain(found: FoundClaim): void;
  onExplain(found: FoundClaim): void;
  onSuggest(found: FoundClaim): void;
}

function TierFilter({
  groups,
  only,
  onChange,
}: {
  groups: SentenceGroup[];
  only: Tier | null;
  onChange(tier: Tier | null): void;
}) {
  const counts = tierCounts(groups).reverse();
  // With one tier there is nothing to filter; the chip still says how many, of which tier.
  const single = counts.length < 2;
  return (
    <fieldset class="tier-filter">
      <legend class="visually-hidden">
        Highlighted sentences by tier{single ? '' : '; choose one to show only it'}
      </legend>
      {counts.map(({ tier, count }) => (
        <button
          key={tier}
          type="button"
          class="chip"
          style={{ '--tier-color': TIER_STYLES[tier].color, '--tier-fill': TIER_STYLES[tier].fill }}
          aria-pressed={single ? undefined : only === tier}
          disabled={single}
          onClick={() => onChange(only === tier ? null : tier)}
        >
          <span class="tier-icon" aria-hidden="true">
            {TIER_STYLES[tier].icon}
          </span>
          <span class="chip-label">{TIER_STYLES[tier].label}</span>
          <span class="chip-count">{count}</span>
        </button>
      ))}
    </fieldset>
  );
}

function ClaimRow({
  found,
  statement,
  actions,
  focusNow,
}: {
  found: FoundClaim;
  statement: string;
  actions: FindingActions;
  focusNow: boolean;
}) {
  const showAgain = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNow && found.hidden) showAgain.current?.focus();
  }, [focusNow, found.hidden]);
  if (found.hidden) {
    return (
      <li class="finding finding-hidden" data-claim-id={found.claimId}>
        <p class="finding-hidden-text">
          Hidden for you on this page: <span class="finding-statement">{statement}</span>
        </p>
        <div class="finding-actions">
          <button type="button" class="small" ref={showAgain} onClick={() => actions.onShowAgain(found)}>
            Show again
          </button>
          <button type="button" class="small" onClick={() => actions.onExplain(found)}>
            Tell us why
          </button>
        </div>
      </li>
    );
  }
  return (
    <li class={`finding finding-${found.tier}`} data-claim-id={found.claimId}>
      <button
        type="button"
        class="finding-main"
        data-highlight-id={found.highlightId}
        data-claim-id={found.claimId}
        onClick={() => actions.onFocus(found)}
      >
        <span class="visually-hidden">Show on page: </span>
        <TierBadge tier={found.tier} />
        <span class="finding-statement">{statement}</span>
      </button>
      <div class="finding-actions">
        <span class="muted strength">{found.strengthLabel}</span>
        <button type="button" class="small" onClick={() => actions.onNotThisClaim(found)}>
          Not this claim
        </button>
        <button type="button" class="small" onClick={() => actions.onSuggest(found)}>
          Suggest a correction
        </button>
      </div>
    </li>
  );
}

/** Highlighted sentences, most important first, each with the claims it states; a filter by tier. */
export function FindingsList({
  groups,
  statementOf,
  actions,
  focusKey,
}: {
  groups: SentenceGroup[];
  statementOf(claimId: string): string;
  actions: FindingActions;
  /** The claim just hidden: its "Show again" takes the focus its "Not this claim" had. */
  focusKey?: string;
}) {
  const [only, setOnly] = useState<Tier | null>(null);
  const shown = only && groups.some((g) => g.tier === only) ? groups.filter((g) => g.tier === only) : groups;
  return (
    <>
      <TierFilter groups={groups} only={only} onChange={setOnly} />
      <ol
        class="findings"
        aria-label={
          only ? `${TIER_STYLES[only].label} sentences on this page` : 'Highlighted sentences on this page'
        }
      >
        {shown.map((group) => (
          <li key={group.text} class="sentence" data-highlight-id={group.highlightId}>
            <p class="finding-words">
              <span class="visually-hidden">The page says: </span>“{group.text}”
            </p>
            <ul class="sentence-claims">
              {group.claims.map((found) => (
                <ClaimRow
                  key={found.claimId}
                  found={found}
                  statement={statementOf(found.claimId)}
                  actions={actions}
                  focusNow={focusKey === claimKey(found)}
                />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
