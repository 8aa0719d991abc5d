import type { Correction } from '../../core/corrections/schema';
import { plural } from '../../core/text';
import {
  CORRECTIONS_REPO,
  copyReport,
  correctionsExport,
  openAsGitHubIssue,
} from '../../platform/corrections-send';
import { downloadText } from './download';

/**
 * Sending a saved correction, the same in the popup and the options page. With a tracker chosen at build
 * time "Send" opens a pre-filled issue; without one it copies the report, so "Send" always does something
 * that works. Each returns the sentence to show the reader.
 */
export const sendTarget = CORRECTIONS_REPO
  ? ({ kind: 'issue', repo: CORRECTIONS_REPO } as const)
  : ({ kind: 'copy' } as const);

export async function sendCorrection(correction: Correction): Promise<string> {
  if (sendTarget.kind === 'issue') {
    await openAsGitHubIssue(correction, sendTarget.repo);
    return `Opened a pre-filled issue at github.com/${sendTarget.repo} in a new tab: review it there and submit it.`;
  }
  try {
    await copyReport(correction);
    return 'Report copied. Paste it into an email or message to the people who maintain your copy of Claim Lens, or download it as a file.';
  } catch {
    return 'The browser did not let us copy. Download the report instead.';
  }
}

export async function downloadCorrections(): Promise<string> {
  const { fileName, text, count } = await correctionsExport();
  downloadText(fileName, text);
  return `Downloaded ${plural(count, { one: 'correction', other: 'corrections' })} to ${fileName}.`;
}

/** The label of the Send button, so it says what it will do. */
export const SEND_LABEL = sendTarget.kind === 'issue' ? 'Send as a GitHub issue' : 'Send: copy the report';
