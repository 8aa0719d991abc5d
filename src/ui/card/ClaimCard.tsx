import { useState } from 'preact/hooks';
import type { PageClaim, PageHit } from '../../core/match/answer';
import type { ClaimPack, Source } from '../../core/pack/schema';
import { formatDate, plural } from '../../core/text';
import { TIER_STYLES } from '../../core/tier-styles';
import type { PublishedDate } from '../../page/published-date';
import { TierBadge } from '../shared/TierBadge';
import { ClaimDetails, type DetailsContext } from './ClaimDetails';
import { ClaimGlance } from './ClaimGlance';
import { showUndoToast } from './undo-toast';

export { TierBadge };

export interface CardEntry {
  claim: PageClaim;
  hit: PageHit;
}

export interface CardActions {
  /** Hides this claim on this sentence for the reader, at once. Creates no correction. */
  onNotThisClaim(claimId: string): void | Promise<void>;
  /** Undoes onNotThisClaim (the on-page "Undo"). */
  onUndoNotThisClaim?(claimId: string): void | Promise<void>;
  /** The reader asks to tell us why it is not this claim: opens a wrong-match correction. */
  onExplainNotThisClaim?(claimId: string): void | Promise<void>;
  onSuggestCorrection(claimId: string): void;
}

export interface ClaimCardProps {
  entries: CardEntry[];
  sources: Map<string, Source>;
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  /** What readPublicationDate found on the page; null when the page does not say. */
  published?: PublishedDate | null;
  /** The page being read: its own address and title are never cited as evidence. */
  page?: { url?: string; title?: string };
  /** Opening from the popup expands the claim that was clicked. */
  expandClaimId?: string;
  onClose(): void;
  /** Correction buttons exist only when something handles them. */
  actions?: CardActions;
}

const SOURCE_WORDS: Record<PublishedDate['source'], string> = {
  meta: 'from the page’s metadata',
  'json-ld': 'from the page’s metadata',
  time: 'from the byline',
  url: 'from the page’s address',
};

/** Tab and Shift+Tab stay inside the card (a dialog), so the reader's place on the page is not lost. */
function keepFocusInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const card = event.currentTarget as HTMLElement;
  const focusable = Array.from(
    card.querySelectorAll<HTMLElement>('button, a[href], summary, [tabindex="0"]'),
  ).filter((el) => el.offsetParent !== null || el === card.ownerDocument.activeElement);
  if (focusable.length === 0) return;
  const active = (card.getRootNode() as ShadowRoot | Document).activeElement;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function ClaimCard(props: ClaimCardProps) {
  const { sources, pack, published = null, page = {}, onClose, actions } = props;
  const articleDate = published?.date ?? null;
  // The labeler's order (src/content/labeler.ts): the first claim is the one the highlight is painted with,
  // so the card, the page and the popup agree on which claim a sentence leads with.
  const entries = props.entries;
  const [expanded, setExpanded] = useState(
    entries.find((e) => e.claim.id === props.expandClaimId)?.claim.id ?? entries[0]?.claim.id,
  );
  const current = entries.find((e) => e.claim.id === expanded) ?? entries[0]!;
  const context: DetailsContext = { sources, page };
  const multiple = entries.length > 1;

  function notThisClaim(claimId: string, host: HTMLElement) {
    const doc = host.ownerDocument;
    void actions?.onNotThisClaim(claimId);
    showUndoToast(doc, {
      message: 'Hidden for you on this page.',
      onUndo: actions?.onUndoNotThisClaim && (() => void actions.onUndoNotThisClaim?.(claimId)),
      onExplain: actions?.onExplainNotThisClaim && (() => void actions.onExplainNotThisClaim?.(claimId)),
    });
  }

  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Claim Lens: ${multiple ? plural(entries.length, { one: 'claim', other: 'claims' }) : 'what is known about this claim'} in this sentence`}
      onKeyDown={keepFocusInside}
    >
      <div class="card-top">
        <span class="brand">Claim Lens</span>
        {multiple && (
          <span class="muted count">
            {plural(entries.length, { one: 'claim', other: 'claims' })} in this sentence
          </span>
        )}
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="card-body">
        {multiple ? (
          <>
            {/* Every claim stays in view as a one-line row; the chosen one's details follow the list. */}
            <ul class="claim-list">
              {entries.map(({ claim }) => {
                const open = claim.id === current.claim.id;
                return (
                  <li key={claim.id} class={`claim${open ? ' is-open' : ''}`} data-claim-id={claim.id}>
                    <button
                      type="button"
                      class="claim-row"
                      aria-expanded={open}
                      aria-controls="claim-body"
                      onClick={() => setExpanded(claim.id)}
                    >
                      <TierBadge tier={claim.tier} />
                      <span class="claim-row-text">{claim.statement}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            <div class="claim-body" id="claim-body" data-claim-id={current.claim.id}>
              <ClaimGlance
                claim={current.claim}
                hit={current.hit}
                articleDate={articleDate}
                showStatement={false}
              />
              <ClaimDetails claim={current.claim} context={context} />
            </div>
          </>
        ) : (
          <div class="claim claim-body" data-claim-id={current.claim.id}>
            <p class="claim-heading">
              <TierBadge tier={current.claim.tier} />{' '}
              <span class="tier-meaning">{TIER_STYLES[current.claim.tier].meaning}</span>
            </p>
            <ClaimGlance claim={current.claim} hit={current.hit} articleDate={articleDate} />
            <ClaimDetails claim={current.claim} context={context} />
          </div>
        )}
        <p class="pack-line muted">
          {published
            ? `Article published ${formatDate(published.date)} (${SOURCE_WORDS[published.source]}). `
            : 'Publication date not found on the page. '}
          Claim pack v{pack.version}, data as of {formatDate(pack.asOf)}.
        </p>
      </div>
      {actions && (
        <div class="actions" data-claim-id={current.claim.id}>
          <button type="button" onClick={(e) => notThisClaim(current.claim.id, e.currentTarget)}>
            Not this claim
          </button>
          <button type="button" onClick={() => actions.onSuggestCorrection(current.claim.id)}>
            Suggest a correction
          </button>
        </div>
      )}
    </div>
  );
}
