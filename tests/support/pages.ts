import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { readPackFiles } from '../../src/build/load-node';
import type { ClaimPack } from '../../src/core/pack/schema';
import { validatePack } from '../../src/core/pack/validate';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PAGES_DIR = resolve(ROOT, 'tests/fixtures/pages');

let pack: ClaimPack | undefined;
/** The real pack from data/, validated exactly as the build does. */
export function realPack(): ClaimPack {
  if (!pack) {
    const result = validatePack(readPackFiles(resolve(ROOT, 'data')));
    if (!result.ok) throw new Error(`data/ is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
    pack = result.pack;
  }
  return pack;
}

/** Parses a fixture page into a DOM without running its scripts. */
export function loadPage(file: string): Document {
  const window = new Window({ url: `https://news.example.test/${file}` });
  window.document.write(readFileSync(resolve(PAGES_DIR, file), 'utf8'));
  return window.document as unknown as Document;
}

export interface SeedSentence {
  seed: string;
  text: string;
  claimIds: string[];
  rowHeader?: string;
  columnHeader?: string;
}

export function seedSentences(): SeedSentence[] {
  return JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/seed-sentences.json'), 'utf8'));
}

export function seedNonClaims(): Omit<SeedSentence, 'claimIds'>[] {
  return JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/seed-non-claims.json'), 'utf8'));
}

export const SEED_PAGES: Record<string, string> = {
  '000_956ae404d614aae1': 'seed-000.html',
  '001_368aebd7f39683bd': 'seed-001.html',
  '002_28af8169857c9957': 'seed-002.html',
  '003_71cb7c3825001a22': 'seed-003.html',
  '004_feafada67e23f17f': 'seed-004.html',
};

export const NEGATIVE_PAGES = [
  'neg-kimi.html',
  'neg-gpt.html',
  'neg-v3-only.html',
  'neg-mention.html',
  'neg-none.html',
  'neg-editable.html',
];

/** Whitespace-insensitive form for comparing page sentences with fixture text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
