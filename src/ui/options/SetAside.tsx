import { isoDay } from '../../core/text';
import { clearQuarantine, type QuarantinedValue } from '../../platform/storage/validated-item';
import { downloadText } from '../shared/download';

/** Stored values that could not be read: kept, listed with why, downloadable, deletable by the reader. */
export function SetAside({ quarantine }: { quarantine: QuarantinedValue[] }) {
  if (quarantine.length === 0) return null;
  return (
    <section aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">Set-aside data</h2>
      <p>
        These stored values could not be read (damaged, or written in a format this version does not know).
        Claim Lens kept them instead of deleting them. Download them if you want to recover something by hand.
      </p>
      <ul class="item-list">
        {quarantine.map((q) => (
          <li class="item" key={`${q.key}-${q.at}-${q.reason}`}>
            <p class="item-text">
              <code>{q.key}</code> <span class="muted">{q.at.slice(0, 19).replace('T', ' ')}</span>
              <span class="what">{q.reason}</span>
            </p>
          </li>
        ))}
      </ul>
      <div class="button-row">
        <button
          type="button"
          onClick={() =>
            downloadText(
              `claim-lens-set-aside-${isoDay(new Date())}.json`,
              `${JSON.stringify(quarantine, null, 2)}\n`,
            )
          }
        >
          Download set-aside data
        </button>
        <button type="button" onClick={() => void clearQuarantine()}>
          Delete set-aside data
        </button>
      </div>
    </section>
  );
}
