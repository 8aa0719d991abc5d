import { useEffect, useState } from 'preact/hooks';
import { storage } from '#imports';
import {
  buildExportFile,
  type EntryProblem,
  exportFileName,
  parseExportFile,
  serializeExportFile,
} from '../../core/corrections/export-file';
import { REPO_PATTERN } from '../../core/corrections/github-issue';
import type { Correction } from '../../core/corrections/schema';
import { loadBundledPack } from '../../core/pack/bundled';
import { normalizeHost } from '../../core/settings/site-rules';
import { TIER_STYLES } from '../../core/tier-styles';
import { TIER_IDS, type Tier } from '../../core/tiers';
import { correctionsExport, openAsGitHubIssue } from '../../platform/corrections-send';
import {
  correctionsItem,
  deleteCorrection,
  draftsItem,
  importCorrections,
} from '../../platform/corrections-store';
import { type Settings, settingsItem } from '../../platform/settings-item';
import { QUARANTINE_KEY } from '../../platform/storage/validated-item';
import { CorrectionList } from '../shared/CorrectionList';
import { downloadText } from '../shared/download';
import { Switch } from '../shared/Switch';
import { TierBadge } from '../shared/TierBadge';
import { useProblems, useQuarantine, useStored } from '../shared/use-stored';
import { PackUpdates } from './PackUpdates';

const STRENGTH_MIN = 0.3;
const STRENGTH_MAX = 0.95;

function strengthWords(value: number): string {
  const percent = Math.round(value * 100);
  if (value < 0.45) return `${percent}%: also loose paraphrases (more highlights, more mistakes)`;
  if (value < 0.7) return `${percent}%: paraphrases and close wording (recommended)`;
  return `${percent}%: only close wording and same numbers (fewer highlights)`;
}

interface ImportReport {
  error?: string;
  lines: string[];
  entryProblems: EntryProblem[];
}

export function OptionsPage() {
  const pack = loadBundledPack();
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

  async function openIssue(correction: Correction) {
    if (!settings?.correctionRepo) {
      setNotice('Set the repository under “Where corrections go” first. Export works without it.');
      document.getElementById('repo-input')?.focus();
      return;
    }
    await openAsGitHubIssue(correction, settings.correctionRepo);
  }

  return (
    <main class="options">
      <header class="options-header">
        <h1>Claim Lens settings</h1>
        <p class="muted">
          Claim pack v{pack.version}, data as of {pack.asOf}. Changes apply to open tabs at once.
        </p>
      </header>
      {problems.length > 0 && (
        <div class="problem-banner" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <p class={notice ? 'notice' : 'notice empty'} role="status">
        {notice}
      </p>

      <section aria-labelledby="show-heading">
        <h2 id="show-heading">What to highlight</h2>
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

      <section aria-labelledby="dest-heading">
        <h2 id="dest-heading">Where corrections go</h2>
        <RepoField value={settings.correctionRepo} onSave={(correctionRepo) => save({ correctionRepo })} />
      </section>

      <section aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">Your corrections</h2>
        {corrections && corrections.length > 0 ? (
          <CorrectionList
            corrections={corrections}
            pack={pack}
            onOpenIssue={(c) => void openIssue(c)}
            onDelete={(c) => void deleteCorrection(c.id)}
          />
        ) : (
          <p class="muted">No filed corrections yet. File one from a claim’s card or the toolbar popup.</p>
        )}
        {drafts && drafts.length > 0 && (
          <p class="hint">
            {drafts.length} unfinished correction{drafts.length === 1 ? '' : 's'}: finish or discard{' '}
            {drafts.length === 1 ? 'it' : 'them'} in the toolbar popup.
          </p>
        )}
      </section>

      <PackUpdates onProblem={addProblem} />

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Export and import</h2>
        <ExportImport settings={settings} hasCorrections={(corrections?.length ?? 0) > 0} />
      </section>

      {quarantine.length > 0 && (
        <section aria-labelledby="quarantine-heading">
          <h2 id="quarantine-heading">Set-aside data</h2>
          <p>
            These stored values could not be read (damaged, or written in a format this version does not
            know). Claim Lens kept them instead of deleting them. Download them if you want to recover
            something by hand.
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
                  `claim-lens-set-aside-${new Date().toISOString().slice(0, 10)}.json`,
                  `${JSON.stringify(quarantine, null, 2)}\n`,
                )
              }
            >
              Download set-aside data
            </button>
            <button type="button" onClick={() => void storage.removeItem(QUARANTINE_KEY)}>
              Delete set-aside data
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

function TierChoices({ selected, onChange }: { selected: Tier[]; onChange(tiers: Tier[]): void }) {
  return (
    <fieldset>
      <legend>Tiers to show</legend>
      {TIER_IDS.map((tier) => (
        <label class="choice tier-option" key={tier}>
          <input
            type="checkbox"
            name="tiers"
            value={tier}
            checked={selected.includes(tier)}
            onChange={(e) =>
              onChange(
                e.currentTarget.checked
                  ? TIER_IDS.filter((t) => t === tier || selected.includes(t))
                  : selected.filter((t) => t !== tier),
              )
            }
          />
          <span>
            <TierBadge tier={tier} /> <span class="muted">{TIER_STYLES[tier].meaning}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Sensitivity({ value, onChange }: { value: number; onChange(value: number): void }) {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <div class="field">
      <label for="sensitivity">Sensitivity: how closely a sentence must match a claim</label>
      <input
        id="sensitivity"
        type="range"
        min={STRENGTH_MIN}
        max={STRENGTH_MAX}
        step={0.05}
        value={shown}
        aria-valuetext={strengthWords(shown)}
        aria-describedby="sensitivity-words"
        onInput={(e) => setShown(Number(e.currentTarget.value))}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <p id="sensitivity-words" class="hint">
        Minimum match {strengthWords(shown)}
      </p>
    </div>
  );
}

function SiteRules({
  sites,
  onChange,
}: {
  sites: Settings['sites'];
  onChange(sites: Settings['sites']): void;
}) {
  const [host, setHost] = useState('');
  const [rule, setRule] = useState<'always' | 'never'>('never');
  const [error, setError] = useState('');
  const entries = Object.entries(sites).sort(([a], [b]) => a.localeCompare(b));

  function add(event: Event) {
    event.preventDefault();
    const normalized = normalizeHost(host);
    if (!normalized) {
      setError('Enter a site such as news.example.com (or paste its address).');
      return;
    }
    setError('');
    setHost('');
    onChange({ ...sites, [normalized]: rule });
  }

  return (
    <>
      {entries.length > 0 ? (
        <ul class="item-list site-rules">
          {entries.map(([name, value]) => (
            <li key={name} class="item site-rule">
              <span>
                <strong>{name}</strong>:{' '}
                {value === 'always' ? 'always label (even when paused)' : 'never label'}
              </span>
              <button
                type="button"
                class="small"
                onClick={() => {
                  const next = { ...sites };
                  delete next[name];
                  onChange(next);
                }}
              >
                Remove<span class="visually-hidden"> rule for {name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No site rules. Every site is labeled unless paused.</p>
      )}
      <form class="site-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="site-host">Site</label>
          <input
            id="site-host"
            type="text"
            placeholder="news.example.com"
            value={host}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(e) => setHost(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="site-rule">Rule</label>
          <select
            id="site-rule"
            value={rule}
            onChange={(e) => setRule(e.currentTarget.value as 'always' | 'never')}
          >
            <option value="never">Never label</option>
            <option value="always">Always label</option>
          </select>
        </div>
        <button type="submit">Add rule</button>
      </form>
      {error && (
        <p id="site-error" class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

function RepoField({ value, onSave }: { value: string; onSave(repo: string): void }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(value), [value]);

  function save(event: Event) {
    event.preventDefault();
    const repo = text
      .trim()
      .replace(/^https?:\/\/github\.com\//i, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '');
    if (repo && !REPO_PATTERN.test(repo)) {
      setError('Enter the repository as owner/name, for example octo-org/claim-lens.');
      setSaved(false);
      return;
    }
    setError('');
    setText(repo);
    onSave(repo);
    setSaved(true);
  }

  return (
    <form onSubmit={save} noValidate>
      <p class="hint">
        Corrections can be opened as pre-filled issues on a public GitHub tracker. There is no default: enter
        the repository of the Claim Lens project you use. Until then, export your corrections as a file
        instead.
      </p>
      <div class="field">
        <label for="repo-input">GitHub repository (owner/name)</label>
        <div class="inline-field">
          <input
            id="repo-input"
            type="text"
            spellcheck={false}
            autoComplete="off"
            placeholder="owner/name"
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'repo-error' : 'repo-status'}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <button type="submit">Save</button>
        </div>
      </div>
      {error ? (
        <p id="repo-error" class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : (
        <p id="repo-status" class="hint" aria-live="polite">
          {value
            ? `${saved ? 'Saved. ' : ''}Issues open at github.com/${value}/issues.`
            : 'Not set yet. Until it is, export your corrections as a file.'}
        </p>
      )}
    </form>
  );
}

function ExportImport({ settings, hasCorrections }: { settings: Settings; hasCorrections: boolean }) {
  const [report, setReport] = useState<ImportReport>();

  async function exportCorrectionsFile() {
    const { fileName, text, count } = await correctionsExport();
    downloadText(fileName, text);
    setReport({
      lines: [`Exported ${count} correction${count === 1 ? '' : 's'} to ${fileName}.`],
      entryProblems: [],
    });
  }

  function exportSettingsFile() {
    const name = exportFileName('settings');
    downloadText(name, serializeExportFile(buildExportFile({ settings })));
    setReport({ lines: [`Exported settings to ${name}.`], entryProblems: [] });
  }

  async function importFile(file: File) {
    const result = parseExportFile(await file.text());
    if (!result.ok) {
      setReport({ error: `${file.name}: ${result.error}`, lines: [], entryProblems: [] });
      return;
    }
    const lines: string[] = [];
    if (result.corrections.length > 0 || result.entryProblems.length > 0) {
      const { added, alreadyPresent } = await importCorrections(result.corrections);
      lines.push(
        `Imported ${added} correction${added === 1 ? '' : 's'}${alreadyPresent ? ` (${alreadyPresent} already here)` : ''}.`,
      );
    }
    if (result.settings) {
      await settingsItem.write(result.settings);
      lines.push('Settings applied.');
    }
    if (result.settingsProblem) lines.push(result.settingsProblem);
    setReport({ lines, entryProblems: result.entryProblems });
  }

  return (
    <>
      <div class="button-row">
        <button type="button" onClick={() => void exportCorrectionsFile()} disabled={!hasCorrections}>
          Export corrections (JSON)
        </button>
        <button type="button" onClick={exportSettingsFile}>
          Export settings (JSON)
        </button>
      </div>
      <div class="field">
        <label for="import-file">Import corrections or settings from a Claim Lens JSON file</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <div class="import-report" role="status">
        {report?.error && (
          <p class="field-error">
            <span aria-hidden="true">⚠ </span>
            {report.error}
          </p>
        )}
        {report?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {report && report.entryProblems.length > 0 && (
          <div class="field-error">
            <p>
              {report.entryProblems.length} entr{report.entryProblems.length === 1 ? 'y was' : 'ies were'} not
              imported:
            </p>
            <ul>
              {report.entryProblems.map((p) => (
                <li key={p.position}>
                  Entry {p.position}
                  {p.id ? ` (${p.id})` : ''}: {p.problems.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </>
  );
}
