import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURE_PAGES, ROOT } from '../scripts/lib/browser';
import { freshUrl } from './measure/loads';
import type { ClaimLensBench } from './page-entry';

/**
 * The pages the bench loads: fixture pages from tests/fixtures/pages and pages generated from them (a
 * 100 KB page that never names DeepSeek, V4 articles of exact word counts made of the five seed articles),
 * and the in-page driver bundle. All are served from memory under https://bench-N.test/.
 */

export const SEEDS = ['seed-000.html', 'seed-001.html', 'seed-002.html', 'seed-003.html', 'seed-004.html'];
export const NEG = 'neg-none.html';
export const NEG_100KB = 'neg-none-100kb.html';
export const BENCH_SCRIPT = 'claim-lens-bench.js';
export const articleFile = (words: number) => `v4-${words / 1000}k-words.html`;

export type BenchWindow = { __clBench: ClaimLensBench };

/** The driver bundle, unminified: esbuild marks where each module starts (`// src/page/extract.ts`). */
export async function bundlePageEntry(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'bench/page-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Readable names and module comments, so CPU samples name the src/ function and file they ran in.
    minify: false,
    keepNames: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function bodyOf(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
  if (body === undefined) throw new Error('page has no <body>');
  return body;
}

/** neg-none.html with its body repeated ten times (same head and title): about 100 KB of text. */
function negX10(): string {
  const html = readFileSync(join(FIXTURE_PAGES, NEG), 'utf8');
  const body = bodyOf(html);
  return html.replace(body, Array.from({ length: 10 }, () => body).join('\n'));
}

const articlePage = (inner: string, words: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DeepSeek V4: the ${words} long read | Bench Daily</title></head>
<body>
<header class="site-header"><a href="/">Bench Daily</a><nav><a href="/tech">Tech</a> <a href="/ai">AI</a></nav></header>
<main><article>
${inner}
</article></main>
<footer><p>© Bench Daily. All rights reserved.</p></footer>
</body></html>`;

/** Opens a page served by `pages` with the bench driver loaded (as a script URL, so traces can name it). */
export async function openWithBench(context: BrowserContext, file: string): Promise<Page> {
  const page = await context.newPage();
  const url = freshUrl(file);
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ url: new URL(`/${BENCH_SCRIPT}`, url).href });
  return page;
}

/**
 * Fills `pages` with every generated page. The articles are the seed articles' roots (as the extension
 * reads them), repeated, then cut to the word count at a paragraph boundary.
 */
export async function generatePages(
  context: BrowserContext,
  pages: Map<string, string>,
  wordCounts: number[],
): Promise<Map<number, number>> {
  pages.set(NEG_100KB, negX10());
  pages.set('blank.html', '<!doctype html><html><head><title>blank</title></head><body></body></html>');
  const roots: string[] = [];
  for (const file of SEEDS) {
    const page = await openWithBench(context, file);
    roots.push(await page.evaluate(() => (window as unknown as BenchWindow).__clBench.articleHtml()));
    await page.close();
  }
  const actual = new Map<number, number>();
  for (const words of wordCounts) {
    const copies = Math.ceil(words / 5_000) + 1;
    const sections = Array.from({ length: copies }, () => roots)
      .flat()
      .map((html, i) => `<section id="part-${i + 1}">${html}</section>`);
    const draft = `draft-${words}.html`;
    pages.set(draft, articlePage(sections.join('\n'), `${words}-word`));
    const page = await openWithBench(context, draft);
    const cut = await page.evaluate(
      (w) => (window as unknown as BenchWindow).__clBench.articleOfWords(w),
      words,
    );
    await page.close();
    pages.delete(draft);
    pages.set(articleFile(words), articlePage(cut.html, `${words}-word`));
    actual.set(words, cut.words);
  }
  return actual;
}

/** Maps a line of the driver bundle (0-based, as CPU profiles give it) to the module it came from. */
export function moduleOfLine(bundle: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  bundle.split('\n').forEach((text, i) => {
    const m = /^\s*\/\/ ((?:src|bench|node_modules)\/\S+\.[cm]?[jt]sx?)$/.exec(text);
    if (m) starts.push({ line: i, module: m[1]!.replace(/^node_modules\/(\.pnpm\/)?([^/]+).*$/, '$2') });
  });
  return (line) => {
    let found = 'bench/page-entry.ts';
    for (const s of starts) {
      if (s.line > line) break;
      found = s.module;
    }
    return found;
  };
}
