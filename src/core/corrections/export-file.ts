import { z } from 'zod';
import { type Settings, SettingsSchema } from '../settings/schema';
import { type Correction, CorrectionSchema } from './schema';

/**
 * The file readers export and maintainers review: a format id and version first, so a file from
 * another tool or a newer Claim Lens is recognised as such instead of half-read. Corrections are
 * validated one by one on import: a bad entry is reported with its position and kept out, the good
 * ones come in.
 */
export const EXPORT_FORMAT = 'claim-lens-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Present when corrections were exported. */
  corrections?: Correction[];
  /** Present when settings were exported. */
  settings?: Settings;
}

const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT, {
    error: `This is not a Claim Lens export (its "format" is not "${EXPORT_FORMAT}").`,
  }),
  version: z.number({ error: 'The file has no format version.' }).int(),
  exportedAt: z.string().optional(),
  corrections: z.array(z.unknown(), { error: '"corrections" must be a list.' }).optional(),
  settings: z.unknown().optional(),
});

export interface EntryProblem {
  /** 1-based position in the file's "corrections" list. */
  position: number;
  /** The entry's id, when it has a readable one. */
  id?: string;
  problems: string[];
}

export type ImportResult =
  | { ok: false; error: string }
  | {
      ok: true;
      exportedAt?: string;
      corrections: Correction[];
      entryProblems: EntryProblem[];
      settings?: Settings;
      settingsProblem?: string;
    };

export function buildExportFile(
  content: { corrections?: Correction[]; settings?: Settings },
  now = new Date(),
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    ...(content.corrections ? { corrections: content.corrections } : {}),
    ...(content.settings ? { settings: content.settings } : {}),
  };
}

export function serializeExportFile(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(what: 'corrections' | 'settings', now = new Date()): string {
  return `claim-lens-${what}-${now.toISOString().slice(0, 10)}.json`;
}

const issueText = (issue: z.core.$ZodIssue) =>
  issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;

/** Reads an export file's text: clear messages for unreadable JSON, foreign files and bad entries. */
export function parseExportFile(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not readable JSON (${(error as Error).message}).` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'The file is not a Claim Lens export (expected a JSON object).' };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, error: issueText(envelope.error.issues[0]!) };
  const { version, exportedAt, corrections: rawCorrections, settings: rawSettings } = envelope.data;
  if (version > EXPORT_VERSION) {
    return {
      ok: false,
      error: `The file was written by a newer Claim Lens (format version ${version}; this one reads up to ${EXPORT_VERSION}). Update the extension first.`,
    };
  }
  if (version < 1) return { ok: false, error: `Unknown format version ${version}.` };
  if (rawCorrections === undefined && rawSettings === undefined) {
    return { ok: false, error: 'The file holds neither corrections nor settings.' };
  }

  const corrections: Correction[] = [];
  const entryProblems: EntryProblem[] = [];
  const seen = new Set<string>();
  (rawCorrections ?? []).forEach((entry, index) => {
    const parsed = CorrectionSchema.safeParse(entry);
    const rawId = (entry as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    if (!parsed.success) {
      entryProblems.push({ position: index + 1, id, problems: parsed.error.issues.map(issueText) });
    } else if (seen.has(parsed.data.id)) {
      entryProblems.push({ position: index + 1, id, problems: ['the same id appears earlier in the file'] });
    } else {
      seen.add(parsed.data.id);
      corrections.push(parsed.data);
    }
  });

  let settings: Settings | undefined;
  let settingsProblem: string | undefined;
  if (rawSettings !== undefined) {
    const parsed = SettingsSchema.safeParse(rawSettings);
    if (parsed.success) settings = parsed.data;
    else
      settingsProblem = `The settings in the file are not valid (${issueText(parsed.error.issues[0]!)}); they were not applied.`;
  }
  return { ok: true, exportedAt, corrections, entryProblems, settings, settingsProblem };
}

/**
 * Adds imported corrections to the stored ones. Ids are random per correction, so an id already
 * present is the same correction imported twice: the stored one is kept.
 */
export function mergeCorrections(
  stored: Correction[],
  imported: Correction[],
): { merged: Correction[]; added: number; alreadyPresent: number } {
  const ids = new Set(stored.map((c) => c.id));
  const fresh = imported.filter((c) => !ids.has(c.id));
  return {
    merged: [...stored, ...fresh],
    added: fresh.length,
    alreadyPresent: imported.length - fresh.length,
  };
}
