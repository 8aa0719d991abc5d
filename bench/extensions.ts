import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILT_EXTENSION, ROOT } from '../scripts/lib/browser';
import { READER_EVENTS, TOP_FRAME_EVENTS } from '../src/content/gate';
import { GATE_SCRIPT } from '../src/content/labeling-module';

/**
 * The extensions the bench loads: a snapshot of the built Claim Lens, and throwaway copies of it (in a
 * temp dir) whose manifest content script is replaced, so the only difference between two sides is the
 * script that runs on every page. The copy with an empty script is the baseline of every comparison.
 */

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const workDir = mkdtempSync(join(tmpdir(), 'claim-lens-bench-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

/** The last extension the bench measured, kept in bench/out for when the working tree does not build. */
const LAST_GOOD = join(ROOT, 'bench/out/last-extension');

/**
 * .output/chrome-mv3, rebuilt when older than its inputs, copied so a concurrent build cannot swap files.
 * When the build fails (someone's work in progress), the last extension that did build is measured, and
 * the note says so loudly.
 */
export function snapshotBuiltExtension(log: (m: string) => void): { dir: string; note: string } {
  const inputs = ['src', 'entrypoints', 'data', 'wxt.config.ts', 'package.json'];
  const bundle = join(BUILT_EXTENSION, GATE_SCRIPT);
  const inputTime = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  let source = BUILT_EXTENSION;
  let note = 'built extension .output/chrome-mv3 (up to date with src/ and data/)';
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < inputTime) {
    log('building the extension (npx wxt build)…');
    try {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      note = 'built extension .output/chrome-mv3 (rebuilt by this run)';
    } catch (error) {
      if (!existsSync(join(LAST_GOOD, 'manifest.json'))) throw error;
      const when = new Date(statSync(join(LAST_GOOD, 'manifest.json')).mtimeMs).toISOString();
      log(`wxt build FAILED; measuring the last extension that built (${when})`);
      source = LAST_GOOD;
      note = `STALE EXTENSION: \`wxt build\` of the working tree failed, so the extension measured is the last one that built (${when}), not src/ as it is now`;
    }
  }
  if (source === BUILT_EXTENSION) {
    rmSync(LAST_GOOD, { recursive: true, force: true });
    cpSync(BUILT_EXTENSION, LAST_GOOD, { recursive: true });
  }
  const dir = join(workDir, 'claim-lens');
  cpSync(source, dir, { recursive: true });
  return { dir, note };
}

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: { resources?: string[] }[];
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** A copy of the extension whose every-page content script is `code`. */
export function withContentScript(extensionDir: string, name: string, code: string): string {
  const dir = join(workDir, name);
  cpSync(extensionDir, dir, { recursive: true });
  for (const file of manifestOf(dir).content_scripts?.flatMap((c) => c.js ?? []) ?? []) {
    writeFileSync(join(dir, file), code);
  }
  return dir;
}

/**
 * Cumulative stand-ins for what the real content script does at load on a page whose title and address
 * never name DeepSeek (src/content/gate.ts), each one step more than the last, without the rest.
 */
export const GATE_STEPS: { name: string; what: string; code: string }[] = (() => {
  const title =
    "const d=document;const t=d.title+' '+d.URL;const l=t.toLowerCase();l.includes('seek')||l.includes('v4')||t.includes('深度求索');";
  // The gate's own lists, so the stand-in waits exactly as it does (in the top frame).
  const events = JSON.stringify([...READER_EVENTS, ...TOP_FRAME_EVENTS]);
  const reader = `const f=()=>{};for(const e of ${events})addEventListener(e,f,{capture:true,passive:true});`;
  const steps = [
    { name: 'title', what: 'the title and address test', add: title },
    { name: 'reader', what: '+ the listeners that wait for a reader', add: reader },
  ];
  let code = '';
  return steps.map((s) => {
    code += s.add;
    return { name: s.name, what: s.what, code: `(()=>{${code}})();` };
  });
})();

export interface BundleFile {
  file: string;
  bytes: Buffer;
}

/** The manifest content scripts (every page) and the web-accessible scripts they import on demand. */
export function extensionBundles(dir: string): { everyPage: BundleFile[]; onDemand: BundleFile[] } {
  const manifest = manifestOf(dir);
  const load = (file: string): BundleFile => ({ file, bytes: readFileSync(join(dir, file)) });
  const everyPage = [...new Set(manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [])].map(load);
  const onDemand = [
    ...new Set(
      manifest.web_accessible_resources?.flatMap((w) => w.resources ?? []).filter((f) => f.endsWith('.js')),
    ),
  ].map(load);
  return { everyPage, onDemand };
}

export const kb = (files: BundleFile[]) => files.reduce((n, f) => n + f.bytes.length, 0) / 1024;
export const gzKB = (files: BundleFile[]) => files.reduce((n, f) => n + gzipSync(f.bytes).length, 0) / 1024;
