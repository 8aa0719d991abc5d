import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { CHROMIUM_BASE_ARGS, findChromium } from './chromium';

/**
 * The one way this project starts Chromium and serves it pages: e2e tests, `npm run demo` and
 * `npm run bench` all launch through here. Pages keep real-looking https URLs and are answered from
 * local files by request interception, so nothing reaches a network and no port is opened.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
/** What `wxt build` writes for Chromium. */
export const BUILT_EXTENSION = resolve(ROOT, '.output/chrome-mv3');
export const FIXTURE_PAGES = resolve(ROOT, 'tests/fixtures/pages');

export interface LaunchOptions {
  /** An unpacked extension to load (the built Claim Lens, or a bench variant). */
  extensionDir?: string;
  /** A visible window (demo with a display); headless otherwise. */
  headed?: boolean;
  /** Install Chromium with apt-get when missing and running as root (demo); tests and bench only look. */
  install?: boolean;
  /** Extra command-line flags. */
  args?: string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const { extensionDir, headed = false, install = false, args = [] } = options;
  if (extensionDir && !existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const extensionArgs = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  return chromium.launchPersistentContext('', {
    executablePath: findChromium({ install }),
    headless: !headed,
    viewport: headed ? null : { width: 1280, height: 900 },
    args: [...(headed ? [] : ['--headless=new']), ...CHROMIUM_BASE_ARGS, ...extensionArgs, ...args],
  });
}

/** The extension's background service worker, once it runs (an extension without one never resolves). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export interface FixtureSite {
  /** Which request URLs are ours: an origin (`https://news.example.test`) or a pattern. */
  sites: string | RegExp;
  /** The fixture file (a name in `dir`) a path is answered with; default: `/name.html` → `name.html`. */
  fileFor?: (pathname: string) => string | undefined;
  /** Folder of fixture files; default tests/fixtures/pages. */
  dir?: string;
  /** Pages generated in memory, by file name; they win over files of the same name. */
  generated?: ReadonlyMap<string, string | Buffer>;
  /** Response headers, e.g. cross-origin isolation for fine-grained timers. */
  headers?: Record<string, string>;
}

const defaultFileFor = (pathname: string) => {
  const name = pathname.replace(/^\//, '');
  return /^[\w.-]+\.(html|js|json)$/.test(name) ? name : undefined;
};

/** Answers every request to the site(s) from fixture files or generated pages; anything else is a 404. */
export async function serveFixtures(context: BrowserContext, site: FixtureSite): Promise<void> {
  const { sites, fileFor = defaultFileFor, dir = FIXTURE_PAGES, generated, headers = {} } = site;
  const pattern = typeof sites === 'string' ? `${sites.replace(/\/$/, '')}/**` : sites;
  await context.route(pattern, (route) => {
    const name = fileFor(new URL(route.request().url()).pathname);
    const path = name && resolve(dir, name);
    const body =
      name && generated?.has(name)
        ? generated.get(name)
        : path && existsSync(path)
          ? readFileSync(path)
          : undefined;
    if (!name || body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    const contentType = name.endsWith('.js')
      ? 'text/javascript'
      : name.endsWith('.json')
        ? 'application/json'
        : 'text/html; charset=utf-8';
    return route.fulfill({ contentType, headers, body });
  });
}
