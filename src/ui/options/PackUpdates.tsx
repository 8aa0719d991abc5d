import { useState } from 'preact/hooks';
import { describeRefusal } from '../../core/pack/signature';
import {
  type LastCheck,
  PACK_UPDATE_URL,
  packUpdateMessaging,
  packUpdateStateItem,
} from '../../platform/pack-update';
import { Switch } from '../shared/Switch';
import { useActivePack } from '../shared/use-active-pack';
import { useStored } from '../shared/use-stored';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function outcomeText(check: LastCheck): string {
  if (check.outcome === 'adopted') return `updated the claim data to v${check.offered}.`;
  if (check.outcome === 'current') return 'the claim data was up to date.';
  return `${check.reason ? describeRefusal(check.reason) : 'The download was refused.'} The claim data in use was kept.`;
}

/** Options' "Claim data updates": which pack is in use, the last check, "Check now", and the off switch. */
export function PackUpdates({ onProblem }: { onProblem?: (problem: string) => void }) {
  const state = useStored(packUpdateStateItem, onProblem ?? (() => {}));
  const active = useActivePack();
  const [checking, setChecking] = useState(false);

  async function checkNow() {
    setChecking(true);
    try {
      await packUpdateMessaging.sendMessage('checkPackNow', undefined);
    } catch (error) {
      onProblem?.(`The check could not run: ${(error as Error).message}`);
    } finally {
      setChecking(false);
    }
  }

  const inUse = (
    <p class="pack-in-use">
      Claim data v{active.pack.version}, as of {active.pack.asOf}
      {active.origin === 'update' && active.adoptedAt
        ? ` (downloaded ${dateTime.format(new Date(active.adoptedAt))})`
        : ' (came with the extension)'}
      .
    </p>
  );

  return (
    <section aria-labelledby="pack-updates-heading" class="pack-updates">
      <h2 id="pack-updates-heading">Claim data updates</h2>
      {inUse}
      {!PACK_UPDATE_URL ? (
        <p class="muted">
          This copy of Claim Lens updates its claim data with new versions of the extension.
        </p>
      ) : (
        state && (
          <>
            <Switch
              id="pack-updates-enabled"
              checked={state.enabled}
              onChange={(enabled) => void packUpdateStateItem.write({ ...state, enabled })}
              description="Twice a day, download the latest signed claim data. Only the data file is requested; nothing about the pages you read is sent."
            >
              Check for updated claim data
            </Switch>
            <p class="pack-last-check" role="status">
              {state.lastCheck
                ? `Last check ${dateTime.format(new Date(state.lastCheck.at))}: ${outcomeText(state.lastCheck)}`
                : 'Not checked yet.'}
            </p>
            {state.lastRefusal && state.lastRefusal.at !== state.lastCheck?.at && (
              <p class="pack-last-refusal hint">
                Last refused download ({dateTime.format(new Date(state.lastRefusal.at))}):{' '}
                {state.lastRefusal.reason ? describeRefusal(state.lastRefusal.reason) : ''} The claim data in
                use was kept.
              </p>
            )}
            <div class="button-row">
              <button type="button" disabled={checking} onClick={() => void checkNow()}>
                {checking ? 'Checking…' : 'Check now'}
              </button>
            </div>
          </>
        )
      )}
    </section>
  );
}
