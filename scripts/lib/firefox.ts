import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds Firefox for the end-to-end suite, installing Debian's `firefox-esr` with apt-get when running as
 * root (as scripts/lib/chromium.ts does for Chromium). Puppeteer drives it over WebDriver BiDi; its own
 * browser download is never used (PUPPETEER_SKIP_DOWNLOAD).
 */
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

function firstExisting(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

export function findFirefox({ install }: { install: boolean }): string {
  const found = firstExisting();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!install || !isRoot) {
    throw new Error(
      'Firefox was not found. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) ' +
        'or set FIREFOX_PATH to a Firefox binary, then run the command again.',
    );
  }
  console.log('[claim-lens] Firefox not found; installing Debian package "firefox-esr" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--reinstall', 'firefox-esr'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
  }
  const installed = firstExisting();
  if (!installed)
    throw new Error('apt-get installed firefox-esr, but no binary was found at the usual paths.');
  return installed;
}

export function firefoxVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}
