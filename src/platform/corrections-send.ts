import { browser } from '#imports';
import { exportFileName, serializeExportFile } from '../core/corrections/export-file';
import { toGitHubIssueUrl } from '../core/corrections/github-issue';
import type { Correction } from '../core/corrections/schema';
import { exportCorrections, markSent } from './corrections-store';

/**
 * Opens the correction as a pre-filled issue in a new tab. The reader reviews and submits it on GitHub
 * themselves; we only mark it "sent" because the issue form was opened for it.
 */
export async function openAsGitHubIssue(correction: Correction, repo: string): Promise<void> {
  await browser.tabs.create({ url: toGitHubIssueUrl(correction, repo) });
  if (correction.status !== 'sent') await markSent(correction.id);
}

/** The file to download for all filed corrections, marking them exported. */
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
