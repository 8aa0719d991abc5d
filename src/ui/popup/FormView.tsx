import { useEffect, useState } from 'preact/hooks';
import type { Correction, CorrectionDraft } from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { deleteDraft, fileDraft, saveDraft } from '../../platform/corrections-store';
import { CorrectionForm } from '../shared/CorrectionForm';

export function FormView({
  draftId,
  drafts,
  pack,
  onBack,
  onSaved,
}: {
  draftId: string;
  drafts: CorrectionDraft[] | undefined;
  pack: ClaimPack;
  onBack(): void;
  onSaved(correction: Correction): void;
}) {
  // The form edits its own copy; every change is also stored, so nothing typed is lost on close.
  const [draft, setDraft] = useState<CorrectionDraft>();
  useEffect(() => {
    if (!draft && drafts) setDraft(drafts.find((d) => d.id === draftId));
  }, [drafts, draftId]);

  if (!drafts) return <p class="state">Loading…</p>;
  if (!draft) {
    return (
      <div class="state">
        <p>This draft is no longer here: it was saved or discarded.</p>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
    );
  }
  const claim = draft.claimId ? pack.claims.find((c) => c.id === draft.claimId) : undefined;
  return (
    <CorrectionForm
      draft={draft}
      claim={claim}
      onChange={(next) => {
        setDraft(next);
        void saveDraft(next);
      }}
      onSubmit={fileDraft}
      onSaved={onSaved}
      onDiscard={() => void deleteDraft(draft.id).then(onBack)}
      onBack={onBack}
    />
  );
}
