import type { CorrectionDraft } from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { CorrectionWhat } from './CorrectionWhat';

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
            <CorrectionWhat item={draft} pack={pack} />
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
