import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/schema';
import { formatDate, plural, pluralWord } from '../../core/text';
import { correctionsItem, deleteCorrection, draftsItem } from '../../platform/corrections-store';
import { settingsItem } from '../../platform/settings-item';
import { CorrectionList } from '../shared/CorrectionList';
import { Notice } from '../shared/Notice';
import { ProblemBanner } from '../shared/ProblemBanner';
import { Switch } from '../shared/Switch';
import { useActivePack } from '../shared/use-active-pack';
import { sendCorrection, sendTarget } from '../shared/use-send';
import { useProblems, useQuarantine, useStored } from '../shared/use-stored';
import { EmphasisChoice } from './EmphasisChoice';
import { ExportImport } from './ExportImport';
import { PackUpdates } from './PackUpdates';
import { Sensitivity } from './Sensitivity';
import { SetAside } from './SetAside';
import { SiteRules } from './SiteRules';
import { TierChoices } from './TierChoices';

export function OptionsPage() {
  const { pack } = useActivePack();
  const [problems, addProblem] = useProblems();
  const settings = useStored(settingsItem, addProblem);
  const corrections = useStored(correctionsItem, addProblem);
  const drafts = useStored(draftsItem, addProblem);
  const quarantine = useQuarantine();
  const [notice, setNotice] = useState('');

  if (!settings) {
    return (
      <main class="options">
        <h1>Claim Lens settings</h1>
        <p>Loading…</p>
      </main>
    );
  }
  const save = (patch: Partial<Settings>) => void settingsItem.write({ ...settings, ...patch });

  return (
    <main class="options">
      <div class="options-header">
        <h1>Claim Lens settings</h1>
        <p class="muted">
          Claim pack v{pack.version}, data as of {formatDate(pack.asOf)}. Changes apply to open tabs at once.
        </p>
      </div>
      <ProblemBanner problems={problems} quarantined={quarantine.length} inOptions />
      <Notice text={notice} />

      <section aria-labelledby="show-heading">
        <h2 id="show-heading">What to highlight</h2>
        <EmphasisChoice value={settings.emphasis} onChange={(emphasis) => save({ emphasis })} />
        <TierChoices selected={settings.tiers} onChange={(tiers) => save({ tiers })} />
        <Sensitivity value={settings.minStrength} onChange={(minStrength) => save({ minStrength })} />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites</h2>
        <Switch
          id="options-pause"
          checked={settings.paused}
          onChange={(paused) => save({ paused })}
          description="While paused, only sites set to “always” below are labeled."
        >
          Pause Claim Lens everywhere
        </Switch>
        <SiteRules sites={settings.sites} onChange={(sites) => save({ sites })} />
      </section>

      <section aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">Your corrections</h2>
        <p class="hint destination">
          {sendTarget.kind === 'issue'
            ? `Send opens a pre-filled issue at github.com/${sendTarget.repo}; you review it there before submitting.`
            : 'This copy of Claim Lens has no tracker to send to: Send copies a report for you to pass on, and you can download them all below.'}
        </p>
        {corrections && corrections.length > 0 ? (
          <CorrectionList
            corrections={corrections}
            pack={pack}
            onSend={(c) => void sendCorrection(c).then(setNotice)}
            onDelete={(c) => void deleteCorrection(c.id)}
          />
        ) : (
          <p class="muted">No saved corrections yet. Suggest one from a claim’s card or the toolbar popup.</p>
        )}
        {drafts && drafts.length > 0 && (
          <p class="hint">
            {plural(drafts.length, { one: 'unfinished correction', other: 'unfinished corrections' })}: finish
            or discard {pluralWord(drafts.length, { one: 'it', other: 'them' })} in the toolbar popup.
          </p>
        )}
      </section>

      <PackUpdates onProblem={addProblem} />

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Download and import</h2>
        <ExportImport settings={settings} hasCorrections={(corrections?.length ?? 0) > 0} />
      </section>

      <SetAside quarantine={quarantine} />
    </main>
  );
}
