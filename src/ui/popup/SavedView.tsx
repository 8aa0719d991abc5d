import { useState } from 'preact/hooks';
import type { Correction } from '../../core/corrections/schema';
import { Notice } from '../shared/Notice';
import { downloadCorrections, SEND_LABEL, sendCorrection, sendTarget } from '../shared/use-send';

/** After "Save correction": it is kept here; sending is a separate, explicit step that always works. */
export function SavedView({ correction, onDone }: { correction: Correction; onDone(): void }) {
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="saved-heading" class="filed">
      <h2 id="saved-heading" tabIndex={-1} ref={(el) => el?.focus()}>
        <span aria-hidden="true">✓ </span>Correction saved
      </h2>
      <p>
        It is kept here in your browser; nothing has been sent.
        {correction.kind === 'wrong-match' && ' The highlight is hidden on this page for you.'}{' '}
        {sendTarget.kind === 'issue'
          ? `Send it to the maintainers as a pre-filled GitHub issue (github.com/${sendTarget.repo}), which you review before submitting.`
          : 'This copy of Claim Lens has no tracker to send to, so Send copies the report for you to pass on; you can also download it.'}
      </p>
      <Notice text={notice} />
      <div class="button-row">
        <button type="button" class="primary" onClick={() => void sendCorrection(correction).then(setNotice)}>
          {SEND_LABEL}
        </button>
        <button type="button" onClick={() => void downloadCorrections().then(setNotice)}>
          Download the report (JSON)
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
