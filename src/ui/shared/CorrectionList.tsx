import {
  type Correction,
  type CorrectionDraft,
  KIND_LABELS,
  STATUS_LABELS,
} from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { TierBadge } from './TierBadge';

function excerpt(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function What({ item, pack }: { item: Correction | CorrectionDraft; pack: Pick<ClaimPack, 'claims'> }) {
  const claim =
    'claimId' in item && item.claimId ? pack.claims.find((c) => c.id === item.claimId) : undefined;
  return (
    <>
      <span class="kind">{KIND_LABELS[item.kind].short}</span>
      {item.kind === 'wrong-tier' && item.proposedTier && (
        <>
          {' '}
          <span class="muted">→</span> <TierBadge tier={item.proposedTier} />
        </>
      )}
      <span class="what">
        {claim ? excerpt(claim.statement) : item.sentence ? `“${excerpt(item.sentence)}”` : '(no text yet)'}
      </span>
    </>
  );
}

export function DraftList({
  drafts,
  pack,
  onContinue,
  onDiscard,
}: {
  drafts: CorrectionDraft[];
  pack: Pick<ClaimPack, 'claims'>;
  onContinue(draft: CorrectionDraft): void;
  onDiscard(draft: CorrectionDraft): void;
}) {
  return (
    <ul class="item-list drafts">
      {drafts.map((draft) => (
        <li key={draft.id} class="item" data-draft-id={draft.id}>
          <p class="item-text">
            <What item={draft} pack={pack} />
          </p>
          <div class="item-actions">
            <button type="button" onClick={() => onContinue(draft)}>
              Continue<span class="visually-hidden"> this draft</span>
            </button>
            <button type="button" onClick={() => onDiscard(draft)}>
              Discard<span class="visually-hidden"> this draft</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function CorrectionList({
  corrections,
  pack,
  onOpenIssue,
  onDelete,
}: {
  corrections: Correction[];
  pack: Pick<ClaimPack, 'claims'>;
  onOpenIssue(correction: Correction): void;
  onDelete?(correction: Correction): void;
}) {
  return (
    <ul class="item-list corrections">
      {corrections.map((c) => (
        <li key={c.id} class="item" data-correction-id={c.id} data-status={c.status}>
          <p class="item-text">
            <What item={c} pack={pack} />
          </p>
          <p class="item-meta muted">
            <span class="status">{STATUS_LABELS[c.status]}</span> · {c.createdAt.slice(0, 10)}
          </p>
          <div class="item-actions">
            <button type="button" onClick={() => onOpenIssue(c)}>
              {c.status === 'sent' ? 'Open issue again' : 'Open issue on GitHub'}
            </button>
            {onDelete && (
              <button type="button" onClick={() => onDelete(c)}>
                Delete
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
