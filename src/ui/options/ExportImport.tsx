import { useState } from 'preact/hooks';
import {
  buildExportFile,
  type EntryProblem,
  exportFileName,
  parseExportFile,
  serializeExportFile,
} from '../../core/corrections/export-file';
import type { Settings } from '../../core/settings/schema';
import { plural, pluralWord } from '../../core/text';
import { importCorrections } from '../../platform/corrections-store';
import { settingsItem } from '../../platform/settings-item';
import { downloadText } from '../shared/download';
import { downloadCorrections } from '../shared/use-send';

interface ImportReport {
  error?: string;
  lines: string[];
  entryProblems: EntryProblem[];
}

export function ExportImport({ settings, hasCorrections }: { settings: Settings; hasCorrections: boolean }) {
  const [report, setReport] = useState<ImportReport>();

  async function exportCorrectionsFile() {
    setReport({ lines: [await downloadCorrections()], entryProblems: [] });
  }

  function exportSettingsFile() {
    const name = exportFileName('settings');
    downloadText(name, serializeExportFile(buildExportFile({ settings })));
    setReport({ lines: [`Downloaded settings to ${name}.`], entryProblems: [] });
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
        `Imported ${plural(added, { one: 'correction', other: 'corrections' })}${alreadyPresent ? ` (${alreadyPresent} already here)` : ''}.`,
      );
    }
    if (result.settings) {
      await settingsItem.write(result.settings);
      lines.push('Settings applied.');
    }
    if (result.settingsProblem) lines.push(result.settingsProblem);
    setReport({ lines, entryProblems: result.entryProblems });
  }

  const problems = report?.entryProblems ?? [];
  return (
    <>
      <div class="button-row">
        <button type="button" onClick={() => void exportCorrectionsFile()} disabled={!hasCorrections}>
          Download corrections (JSON)
        </button>
        <button type="button" onClick={exportSettingsFile}>
          Download settings (JSON)
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
        {problems.length > 0 && (
          <div class="field-error">
            <p>
              {problems.length} {pluralWord(problems.length, { one: 'entry was', other: 'entries were' })} not
              imported:
            </p>
            <ul>
              {problems.map((p) => (
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
