import { type Correction, STATUS_LABELS } from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { formatDate } from '../../core/text';
import { CorrectionWhat } from './CorrectionWhat';
import { SEND_LABEL } from './use-send';

/** Saved corrections, each with where it has gone since and a way to send it. */
export function CorrectionList({
  corrections,
  pack,
  onSend,
  onDelete,
}: {
  corrections: Correction[];
  pack: Pick<ClaimPack, 'claims'>;
  onSend(correction: Correction): void;
  onDelete?(correction: Correction): void;
}) {
  return (
    <ul class="item-list corrections">
      {corrections.map((c) => (
        <li key={c.id} class="item" data-correction-id={c.id} data-status={c.status}>
          <p class="item-text">
            <CorrectionWhat item={c} pack={pack} />
          </p>
          <p class="item-meta muted">
            <span class="status">{STATUS_LABELS[c.status]}</span> · saved{' '}
            {formatDate(c.createdAt.slice(0, 10))}
          </p>
          <div class="item-actions">
            <button type="button" onClick={() => onSend(c)}>
              {c.status === 'sent' ? 'Send again' : SEND_LABEL}
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
