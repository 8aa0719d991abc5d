import type { Correction, CorrectionDraft } from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { deleteDraft } from '../../platform/corrections-store';
import { CorrectionList } from '../shared/CorrectionList';
import { DraftList } from '../shared/DraftList';
import { sendTarget } from '../shared/use-send';

export function CorrectionsSection({
  drafts,
  corrections,
  pack,
  canReportMissed,
  onReportMissed,
  onContinue,
  onSend,
  onDownload,
}: {
  drafts: CorrectionDraft[];
  corrections: Correction[];
  pack: Pick<ClaimPack, 'claims'>;
  canReportMissed: boolean;
  onReportMissed(): void;
  onContinue(draft: CorrectionDraft): void;
  onSend(correction: Correction): void;
  onDownload(): void;
}) {
  return (
    <section aria-labelledby="corrections-heading" class="corrections-section">
      <h2 id="corrections-heading">Corrections</h2>
      <p class="hint">
        Wrong match or tier? Use the buttons on a claim above or on its card. To report a claim we missed,
        select its words on the page, right-click and choose “Report a missed V4 claim”, or:
      </p>
      <div class="button-row">
        <button type="button" onClick={onReportMissed} disabled={!canReportMissed}>
          Report a missed claim
        </button>
      </div>
      {drafts.length > 0 && (
        <>
          <h3>Unfinished corrections</h3>
          <DraftList
            drafts={drafts}
            pack={pack}
            onContinue={onContinue}
            onDiscard={(d) => void deleteDraft(d.id)}
          />
        </>
      )}
      {corrections.length > 0 && (
        <>
          <h3>Saved corrections</h3>
          {sendTarget.kind === 'copy' && (
            <p class="hint">
              This copy of Claim Lens has no tracker: Send copies a report for you to pass on.
            </p>
          )}
          <CorrectionList corrections={corrections} pack={pack} onSend={onSend} />
          <div class="button-row">
            <button type="button" onClick={onDownload}>
              Download all (JSON)
            </button>
          </div>
        </>
      )}
    </section>
  );
}
