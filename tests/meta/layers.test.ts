import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run one way: entrypoints → content | background | ui → page | platform → core.
 * This test reads every import in src/ and entrypoints/ and fails on one that climbs back up, so the rule
 * keeps without anyone having to remember it.
 */

const ROOT = resolve(__dirname, '../..');
const RANK: Record<string, number> = {
  core: 0,
  page: 1,
  platform: 1,
  content: 2,
  background: 2,
  ui: 2,
  entrypoints: 3,
};
/** Layers on the same rank that still may not import each other. */
const SIBLINGS_FORBIDDEN: Array<[string, string]> = [
  ['page', 'platform'],
  ['platform', 'page'],
  ['background', 'content'],
  ['background', 'ui'],
  ['ui', 'content'],
];
/** Packages core may use: it is pure TypeScript, no DOM, no browser APIs, no Preact. */
const CORE_PACKAGES = new Set(['zod', 'fuse.js', 'virtual:claim-pack']);
const MAX_LINES = 350;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): string | undefined {
  const rel = relative(ROOT, file).split('/');
  if (rel[0] === 'entrypoints') return 'entrypoints';
  if (rel[0] === 'src' && rel[1] && rel[1] in RANK) return rel[1];
  return undefined;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
}

function targetOf(file: string, spec: string): string | undefined {
  if (spec.startsWith('@/')) return join(ROOT, spec.slice(2));
  if (spec.startsWith('.')) return resolve(dirname(file), spec);
  return undefined;
}

const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'entrypoints'))];

describe('layering', () => {
  it('no import runs upward or sideways into a forbidden sibling', () => {
    const problems: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const spec of importsOf(file)) {
        const target = targetOf(file, spec);
        if (!target) continue;
        const to = layerOf(target);
        if (!to || to === from) continue;
        const upward = (RANK[to] ?? 0) > (RANK[from] ?? 0);
        const sibling = SIBLINGS_FORBIDDEN.some(([a, b]) => a === from && b === to);
        if (upward || sibling) problems.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('core imports only zod, fuse.js and the bundled pack', () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.') || spec.startsWith('@/')) continue;
        if (!CORE_PACKAGES.has(spec)) problems.push(`${relative(ROOT, file)} imports ${spec}`);
      }
      if (
        /\b(document|window|browser|chrome)\./.test(
          readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
        )
      )
        problems.push(`${relative(ROOT, file)} uses the DOM or browser APIs`);
    }
    expect(problems).toEqual([]);
  });

  it('only platform/ and entrypoints touch browser.* or WXT storage', () => {
    const problems = files
      .filter((f) => !['platform', 'entrypoints', 'background'].includes(layerOf(f) ?? ''))
      .filter((f) => /from ['"](#imports|wxt\/browser|wxt\/utils\/storage)['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(problems).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = [...files, ...sourceFiles(join(ROOT, 'bench')), ...sourceFiles(join(ROOT, 'scripts'))]
      .map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
