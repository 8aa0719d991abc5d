import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What each script of ours brings onto article pages, read from the imports that survive bundling (type-only
 * imports are erased): the gate runs on every page, the labeler on every V4 page, so neither may pull in the
 * claim pack, the matcher, Preact or zod. Those are the on-demand modules' (card, storage half, fallback
 * matcher), loaded only when needed; a stray import would put them back on every page.
 */
const ROOT = resolve(__dirname, '../..');

function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^'";]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
}

function resolveSource(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/')
    ? join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (p) => existsSync(p) && p.match(/\.tsx?$/),
  );
}

/** Every source file and package an entry point's bundle contains. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      const target = resolveSource(file, spec);
      if (target) visit(target);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec.split('/')[0]!);
    }
  };
  visit(join(ROOT, entry));
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

const HEAVY_FILES = ['src/core/pack/bundled.ts', 'src/core/match/matcher.ts', 'src/core/pack/schema.ts'];
const HEAVY_PACKAGES = ['preact', 'zod', 'fuse.js', 'virtual:claim-pack'];

describe('what article pages load', () => {
  it.each([
    'entrypoints/claim-lens-gate.ts',
    'entrypoints/claim-lens-watch.ts',
    'entrypoints/claim-lens-labeler.ts',
    'entrypoints/claim-lens-watch-labeler.ts',
  ])('%s holds no claim pack, matcher, Preact or zod', (entry) => {
    const { files, packages } = closure(entry);
    expect(HEAVY_FILES.filter((f) => files.has(f))).toEqual([]);
    expect(HEAVY_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
  });

  it('the gate, on every page, holds no messaging and no page reading: those wait in the watcher', () => {
    const { files, packages } = closure('entrypoints/claim-lens-gate.ts');
    expect(packages.has('@webext-core')).toBe(false);
    expect(
      ['src/platform/protocol.ts', 'src/content/page-watch.ts', 'src/page/extract.ts'].filter((f) =>
        files.has(f),
      ),
    ).toEqual([]);
    expect(closure('entrypoints/claim-lens-watch.ts').packages.has('@webext-core')).toBe(true);
  });

  it('the watcher and the labeler read storage without WXT’s storage module (the largest dependency it was)', () => {
    const usesWxtStorage = (file: string) =>
      /import\s*\{[^}]*\bstorage\b[^}]*\}\s*from\s*['"]#imports['"]/.test(
        readFileSync(join(ROOT, file), 'utf8'),
      );
    for (const entry of ['entrypoints/claim-lens-watch-labeler.ts', 'entrypoints/claim-lens-labeler.ts']) {
      expect([...closure(entry).files].filter(usesWxtStorage)).toEqual([]);
    }
    // The check sees it where it is: the zod half still uses it.
    expect([...closure('entrypoints/claim-lens-storage.ts').files].some(usesWxtStorage)).toBe(true);
  });

  it('the on-demand modules do carry them (the check above sees through imports)', () => {
    expect(closure('entrypoints/claim-lens-matcher.ts').files.has('src/core/pack/bundled.ts')).toBe(true);
    expect(closure('entrypoints/claim-lens-card.ts').packages.has('preact')).toBe(true);
    expect(closure('entrypoints/claim-lens-storage.ts').packages.has('zod')).toBe(true);
  });
});
