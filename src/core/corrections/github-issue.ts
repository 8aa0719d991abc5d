import { TIER_STYLES } from '../tier-styles';
import { type Correction, KIND_LABELS, reasonLabel } from './schema';

/**
 * A correction as a pre-filled "new issue" link on the project's public tracker (the MBFC / uBlock
 * route): the reader reviews it on GitHub and submits it themselves, so nothing is sent behind their
 * back and no token is needed.
 */

/** GitHub answers 414 beyond about 8 KB of URL; stay well under it. */
export const MAX_ISSUE_URL_LENGTH = 7500;
const TITLE_MAX = 110;

export const REPO_PATTERN = /^[\w.-]+\/[\w.-]+$/;

/** Text readers typed, made safe to drop into markdown: no @-mentions, no #-references, no HTML. */
function neutralize(text: string): string {
  return text
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function quote(text: string): string {
  return neutralize(text)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

const tier = (id: keyof typeof TIER_STYLES) => `${TIER_STYLES[id].icon} ${TIER_STYLES[id].label}`;

export function issueTitle(correction: Correction): string {
  const kind = KIND_LABELS[correction.kind].short;
  switch (correction.kind) {
    case 'wrong-tier': {
      const from = correction.currentTier ? `${TIER_STYLES[correction.currentTier].label} → ` : '→ ';
      return cut(
        `[Claim Lens] ${kind}: ${correction.claimId} (${from}${TIER_STYLES[correction.proposedTier].label})`,
        TITLE_MAX,
      );
    }
    case 'wrong-match':
      return cut(`[Claim Lens] ${kind}: ${correction.claimId}`, TITLE_MAX);
    case 'missing-claim':
      return `${cut(`[Claim Lens] ${kind}: “${correction.sentence.replace(/\s+/g, ' ')}`, TITLE_MAX - 1)}”`;
  }
}

interface BodyLimits {
  sentence: number;
  note: number;
  /** Longer page addresses are shown shortened, as text rather than a link. */
  pageUrl: number;
  json: boolean;
}

function issueBody(c: Correction, limits: BodyLimits): string {
  const lines: string[] = [];
  lines.push(`**Kind:** ${KIND_LABELS[c.kind].title}`);
  if (c.kind !== 'missing-claim') {
    const current = c.currentTier ? ` (shown as ${tier(c.currentTier)})` : '';
    lines.push(`**Claim:** \`${c.claimId}\`${current}`);
  }
  if (c.kind === 'wrong-tier' || (c.kind === 'missing-claim' && c.proposedTier)) {
    lines.push(`**Proposed tier:** ${tier(c.proposedTier!)}`);
  }
  if ((c.kind === 'wrong-tier' || c.kind === 'missing-claim') && c.evidenceUrl) {
    const evidence = c.evidenceUrl;
    lines.push(
      evidence.length <= limits.pageUrl
        ? `**Evidence:** <${evidence}>`
        : `**Evidence:** \`${cut(evidence, limits.pageUrl)}\``,
    );
  }
  const title = neutralize(c.pageTitle.replace(/[[\]]/g, '')) || c.pageUrl;
  lines.push(
    c.pageUrl.length <= limits.pageUrl
      ? `**Page:** [${cut(title, 120)}](<${c.pageUrl}>)`
      : `**Page:** ${cut(title, 120)} — \`${cut(c.pageUrl, limits.pageUrl)}\``,
  );
  lines.push('', '**The page’s words:**', quote(cut(c.sentence, limits.sentence)));
  if (c.reasonTags.length > 0) {
    lines.push(
      '',
      '**Reasons:**',
      ...c.reasonTags.map((tag) => `- ${reasonLabel(c.kind, tag)} (\`${tag}\`)`),
    );
  }
  if (c.note) lines.push('', '**Note:**', quote(cut(c.note, limits.note)));
  lines.push(
    '',
    `<sub>Claim pack v${c.packVersion} · correction \`${c.id}\` · filed ${c.createdAt.slice(0, 10)} · sent from the Claim Lens extension</sub>`,
  );
  if (limits.json) {
    const { status: _status, ...data } = c;
    lines.push(
      '',
      '<details><summary>As JSON</summary>',
      '',
      '```json',
      // \u0060 keeps a backtick in the reader's text from closing the code fence; it is still valid JSON.
      JSON.stringify(data).replace(/`/g, '\\u0060'),
      '```',
      '</details>',
    );
  }
  return lines.join('\n');
}

function build(repo: string, title: string, body: string): string {
  const params = new URLSearchParams({ title, body, labels: 'correction' });
  return `https://github.com/${repo}/issues/new?${params.toString()}`;
}

/** The "new issue" URL for a correction, at most MAX_ISSUE_URL_LENGTH long (long text is shortened). */
export function toGitHubIssueUrl(correction: Correction, repo: string): string {
  if (!REPO_PATTERN.test(repo)) {
    throw new Error(`"${repo}" is not a GitHub repository name (owner/name).`);
  }
  const title = issueTitle(correction);
  const attempts: BodyLimits[] = [
    { sentence: 1500, note: 500, pageUrl: 2000, json: true },
    { sentence: 1500, note: 500, pageUrl: 2000, json: false },
    { sentence: 600, note: 500, pageUrl: 1000, json: false },
    { sentence: 300, note: 300, pageUrl: 300, json: false },
  ];
  for (const limits of attempts) {
    const url = build(repo, title, issueBody(correction, limits));
    if (url.length <= MAX_ISSUE_URL_LENGTH) return url;
  }
  // Every field is capped by now, so this always fits: even a note of 150 emoji encodes to ~2 KB.
  return build(repo, title, issueBody(correction, { sentence: 150, note: 150, pageUrl: 150, json: false }));
}

/**
 * The same report as plain text (title, then the issue body with its JSON), for a reader to paste into
 * an email or a tracker when this build has no repository to open an issue on.
 */
export function issueReport(correction: Correction): string {
  return `${issueTitle(correction)}\n\n${issueBody(correction, { sentence: 6000, note: 500, pageUrl: 8000, json: true })}\n`;
}
