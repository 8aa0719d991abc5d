import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds a Chromium that honours --load-extension (branded Chrome ignores it since v137), installing
 * Debian's `chromium` with apt-get when running as root. Playwright's own browser download is not used:
 * it needs hosts this kind of machine cannot reach.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

function firstExisting(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

export function findChromium({ install }: { install: boolean }): string {
  const found = firstExisting();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!install || !isRoot) {
    throw new Error(
      'Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium binary, then run the command again.',
    );
  }
  console.log('[claim-lens] Chromium not found; installing Debian package "chromium" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // --reinstall also repairs an installed package whose binary is gone; on a clean machine it installs.
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--reinstall', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
  }
  const installed = firstExisting();
  if (!installed) throw new Error('apt-get installed chromium, but no binary was found at the usual paths.');
  return installed;
}

export function chromiumVersion(path: string): string {
  // Debian's wrapper script prints a harmless shell warning on stderr; only the version line matters.
  return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Flags every launch needs on a headless, offline machine. */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];
