/**
 * Where "Send" takes a reader's correction: a GitHub repository chosen when the extension is built
 * (WXT_CORRECTIONS_REPO=owner/name in the environment or .env). The build says which, so nobody ships a
 * build believing it has a tracker when it has none; a malformed value fails the build.
 */
const REPO = /^[\w.-]+\/[\w.-]+$/;

export function correctionsRepoNotice(env: Record<string, string | undefined> = process.env): string {
  const repo = (env.WXT_CORRECTIONS_REPO ?? '').trim();
  if (!repo) {
    return '[claim-lens] WXT_CORRECTIONS_REPO is not set: "Send" will copy or download a correction instead of opening a GitHub issue.';
  }
  if (!REPO.test(repo)) {
    throw new Error(`WXT_CORRECTIONS_REPO must be a GitHub repository as owner/name, got "${repo}".`);
  }
  return `[claim-lens] Corrections are sent as issues to github.com/${repo}.`;
}
