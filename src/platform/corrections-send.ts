import { browser } from '#imports';
import { exportFileName, serializeExportFile } from '../core/corrections/export-file';
import { issueReport, REPO_PATTERN, toGitHubIssueUrl } from '../core/corrections/github-issue';
import type { Correction } from '../core/corrections/schema';
import { exportCorrections, markExported, markSent } from './corrections-store';

/**
 * Where corrections are sent: the GitHub repository ("owner/name") chosen when the extension is built,
 * from the WXT_CORRECTIONS_REPO environment variable (see README, "Corrections"). Readers are never asked
 * for it. Empty in a build without one: then "Send" copies or downloads the report instead.
 */
export const CORRECTIONS_REPO: string = (() => {
  const repo = (import.meta.env.WXT_CORRECTIONS_REPO ?? '').trim();
  return REPO_PATTERN.test(repo) ? repo : '';
})();

/**
 * Opens the correction as a pre-filled issue in a new tab. The reader reviews and submits it on GitHub
 * themselves; we mark it "sent" because the issue form was opened for it.
 */
export async function openAsGitHubIssue(correction: Correction, repo = CORRECTIONS_REPO): Promise<void> {
  await browser.tabs.create({ url: toGitHubIssueUrl(correction, repo) });
  if (correction.status !== 'sent') await markSent(correction.id);
}

/** Copies the report as text, for a build with no tracker (or a reader who prefers email). */
export async function copyReport(correction: Correction): Promise<void> {
  await navigator.clipboard.writeText(issueReport(correction));
  if (correction.status === 'filed') await markExported(correction.id);
}

/** The file to download for all saved corrections, marking them exported. */
export async function correctionsExport(
  now = new Date(),
): Promise<{ fileName: string; text: string; count: number }> {
  const file = await exportCorrections(now);
  return {
    fileName: exportFileName('corrections', now),
    text: serializeExportFile(file),
    count: file.corrections?.length ?? 0,
  };
}
