/**
 * `npm run bench`: the goals of issue 12, measured in real Chromium on the built extension and on the
 * content script's own modules, printed as a table (median, p95, budget, ratio, machine load) and written
 * to bench/out/report.{md,json}. A benchmark, not a test: nothing fails on a slow figure.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, type } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, ROOT, serveFixtures } from '../scripts/lib/browser';
import { chromiumVersion, findChromium } from '../scripts/lib/chromium';
import { buildMatchIndex, withoutIndexedRules } from '../src/core/match/compile';
import { ARTICLE_WORDS, OUT, SCALE } from './config';
import { extensionBundles, gzKB, kb, snapshotBuiltExtension, withContentScript } from './extensions';
import { measureArticle } from './measure/article';
import { measureCard } from './measure/card';
import { BENCH_SITES } from './measure/loads';
import { measureNoMention } from './measure/no-mention';
import {
  indexFileFor,
  measurePackReady,
  measureScaling,
  packFileFor,
  shippedPackFileFor,
} from './measure/scaling';
import { measureWhy } from './measure/why';
import { BENCH_SCRIPT, bundlePageEntry, generatePages } from './pages';
import { consoleTable, type Line, line, type Machine, machineLine, markdown } from './report';
import { loadRealPack, syntheticPack } from './synthetic-pack';

const startedAt = Date.now();
/** BENCH_ONLY=a,e (goals; `why` for the attribution lines) runs a part of the bench, for working on it. */
const only = process.env.BENCH_ONLY?.split(',');
const want = (part: string) => !only || only.includes(part);
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);

function machine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    chromium: chromiumVersion(findChromium({ install: true })),
    node: process.version,
    os: `${type()} ${release()}`,
    date: new Date().toISOString(),
    loadAtStart: loadavg()[0]!,
    loadAtEnd: Number.NaN,
  };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const info = machine();
  log(machineLine(info));
  const real = loadRealPack(resolve(ROOT, 'data'));
  const files = new Map<string, string>([[packFileFor(real.claims.length), JSON.stringify(real)]]);
  // The index the build ships with the bundled pack (src/build/claim-pack-plugin.ts), for goal (d).
  files.set(indexFileFor(real.claims.length), JSON.stringify(buildMatchIndex(real.claims)));
  files.set(shippedPackFileFor(real.claims.length), JSON.stringify(withoutIndexedRules(real)));
  for (const claims of SCALE.claims)
    files.set(packFileFor(claims), JSON.stringify(syntheticPack(real, claims)));
  log(`packs: data/ ${real.claims.length} claims; synthetic ${SCALE.claims.join(', ')}`);
  const extension = snapshotBuiltExtension(log);
  const bundles = extensionBundles(extension.dir);
  const driver = await bundlePageEntry();
  files.set(BENCH_SCRIPT, driver);
  const serve = (context: BrowserContext) => serveFixtures(context, { sites: BENCH_SITES, generated: files });
  const isolated = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  const lines: Line[] = [];
  const raw: Record<string, unknown> = {};
  // In-page measurements: no extension; cross-origin isolated, so performance.now() has 5 µs resolution.
  const micro = await launchChromium();
  await serveFixtures(micro, { sites: BENCH_SITES, generated: files, headers: isolated });
  let wordCounts: Map<number, number>;
  try {
    wordCounts = await generatePages(micro, files, [...new Set([ARTICLE_WORDS, ...SCALE.words])]);
    log(`pages: ${[...wordCounts].map(([w, n]) => `${w} words (${n} after the cut)`).join(', ')}`);
    if (want('d')) lines.push(...(await measurePackReady(micro, real.claims.length)));
    log('(d) pack ready done');
    if (want('why')) lines.push(...(await measureWhy(micro, bundles.onDemand, driver, real.claims.length)));
    log('why done');
    const scaling = want('c') ? await measureScaling(micro, driver) : { lines: [], raw: undefined };
    lines.push(...scaling.lines);
    raw.scaling = scaling.raw;
    log('(c) scaling done');

    const noMention = want('a')
      ? await measureNoMention(extension.dir, micro, serve)
      : { lines: [], raw: undefined };
    lines.push(...noMention.lines);
    raw.noMention = noMention.raw;
    log('(a) page without DeepSeek done');
  } finally {
    await micro.close();
  }

  const claimLens = await launchChromium({ extensionDir: extension.dir });
  const empty = await launchChromium({
    extensionDir: withContentScript(extension.dir, 'empty-b', 'void 0;\n'),
  });
  try {
    await serve(claimLens);
    await serve(empty);
    const article = want('b') ? await measureArticle({ claimLens, empty }) : { lines: [], raw: undefined };
    lines.push(...article.lines);
    raw.article = article.raw;
    log('(b) 10,000-word article done');
    try {
      if (want('e')) lines.push(...(await measureCard(claimLens, 'seed-004.html')));
    } catch (error) {
      lines.push(
        line({
          goal: 'e',
          label: `first card open: NOT MEASURED (${(error as Error).message.split('\n')[0]})`,
          unit: 'ms',
          samples: [],
        }),
      );
    }
    log('(e) card done');
  } finally {
    await claimLens.close();
    await empty.close();
  }
  lines.push(
    line({
      goal: 'size',
      label: `content script on every page: ${bundles.everyPage.map((b) => b.file).join(', ')}`,
      unit: 'KB',
      samples: [kb(bundles.everyPage)],
      note: `gzip ${gzKB(bundles.everyPage).toFixed(1)} KB; on demand on V4 pages: ${bundles.onDemand.map((b) => `${b.file} ${kb([b]).toFixed(0)} KB`).join(', ')}`,
    }),
  );

  const order = ['a', 'b', 'c', 'd', 'e', 'size', 'why a', 'why b', 'why c'];
  lines.sort((x, y) => order.indexOf(x.goal) - order.indexOf(y.goal));
  info.loadAtEnd = loadavg()[0]!;
  const report = {
    machine: info,
    durationS: (Date.now() - startedAt) / 1000,
    notes: [
      `${extension.note}; baseline of every extension figure: the same extension with an empty content script, loaded in its own browser, interleaved loads, each load on a new site (fresh renderer).`,
      `Pages: the ${ARTICLE_WORDS.toLocaleString('en')}-word and larger V4 articles are the five seed articles' roots repeated and cut at a paragraph; synthetic claims are perturbed copies of the ${real.claims.length} real ones with the same index keys (a worst case: every copy is a candidate where its original is).`,
      'Goal (b) and (c) tasks come from CDP traces: a task runs our code when an event in it names one of our scripts or a CPU-profile sample in it has our script on the stack.',
      `In-page figures (c, d, why) run the content script's modules bundled unminified by esbuild (bench/page-entry.ts), in a page without the extension.`,
    ],
    lines,
  };
  writeFileSync(join(OUT, 'report.md'), markdown(report));
  writeFileSync(join(OUT, 'report.json'), JSON.stringify({ ...report, raw }, null, 2));
  console.log(`\n${machineLine(info)}\n\n${consoleTable(lines)}\n`);
  log(`wrote ${join(OUT, 'report.md')} and report.json (notes and raw figures)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
