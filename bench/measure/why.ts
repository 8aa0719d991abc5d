import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from '../../scripts/lib/browser';
import { ARTICLE_WORDS, RUNS } from '../config';
import type { BundleFile } from '../extensions';
import { articleFile, BENCH_SCRIPT, type BenchWindow, moduleOfLine, openWithBench } from '../pages';
import { type Line, line } from '../report';
import { freshUrl } from './loads';
import { f } from './no-mention';
import { packFileFor } from './scaling';
import { endTrace, startTrace, summarizeTrace } from './trace';

/**
 * Where the time goes on a V4 page, each one-time cost on its own in a fresh page: zod's top-level
 * evaluation, each on-demand bundle's compile + top-level run, the labeler's stages on the 10,000-word
 * article, and CPU-profile self time by module and function.
 */

async function schemaBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import * as claims from '../src/core/pack/schema';",
        "import * as settings from '../src/core/settings/schema';",
        '(globalThis as unknown as { __keep: unknown }).__keep = [claims, settings];',
      ].join('\n'),
      resolveDir: resolve(ROOT, 'bench'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    banner: { js: 'globalThis.__t0=performance.now();' },
    footer: { js: 'globalThis.__evalMs=performance.now()-globalThis.__t0;' },
  });
  return result.outputFiles[0]!.text;
}

/** Compile + top-level run of a script, appended inline (it compiles and runs synchronously), in a fresh page. */
async function evalCost(micro: BrowserContext, code: string): Promise<number> {
  const page = await micro.newPage();
  await page.goto(freshUrl('blank.html'));
  const ms = await page.evaluate((source) => {
    let failed = false;
    addEventListener('error', () => {
      failed = true;
    });
    const script = document.createElement('script');
    script.textContent = source;
    const t = performance.now();
    document.head.append(script);
    const elapsed = performance.now() - t;
    return failed ? Number.NaN : elapsed;
  }, code);
  await page.close();
  return ms;
}

export async function measureWhy(
  micro: BrowserContext,
  onDemand: BundleFile[],
  bundle: string,
  realClaims: number,
): Promise<Line[]> {
  const lines: Line[] = [];
  const zod = await schemaBundle();
  const zodMs: number[] = [];
  for (let i = 0; i < RUNS.attributionLoads; i++) {
    const page = await openWithBench(micro, 'blank.html');
    await page.addScriptTag({ content: zod });
    zodMs.push(await page.evaluate(() => (globalThis as unknown as { __evalMs: number }).__evalMs));
    await page.close();
  }
  lines.push(
    line({
      goal: 'why b',
      label: `top-level evaluation of zod + pack and settings schemas (${(zod.length / 1024).toFixed(0)} KB), fresh page`,
      unit: 'ms',
      samples: zodMs,
    }),
  );
  for (const file of onDemand) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS.attributionLoads; i++)
      samples.push(await evalCost(micro, file.bytes.toString('utf8')));
    lines.push(
      line({
        goal: 'why b',
        label: `compile + top-level run of ${file.file} (${(file.bytes.length / 1024).toFixed(0)} KB), fresh page`,
        unit: 'ms',
        samples,
        note: 'one task on every V4 page, before any labeling',
      }),
    );
  }

  // The labeler's stages on the 10,000-word article, real pack; and one traced run by module.
  const stages: { extract: number; match: number; paint: number; ready: number }[] = [];
  const module = moduleOfLine(bundle);
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (let i = 0; i < RUNS.attributionLoads; i++) {
    const page = await openWithBench(micro, articleFile(ARTICLE_WORDS));
    const cdp = await micro.newCDPSession(page);
    if (i === 0) await startTrace(cdp);
    const r = await page.evaluate(async (file) => {
      const b = (window as unknown as BenchWindow).__clBench;
      await b.fetchPack(`/${file}`);
      const ready = b.packReady();
      const labeled = await b.label();
      return { ...labeled, ready: ready.parseMs + ready.compileMs };
    }, packFileFor(realClaims));
    stages.push({ extract: r.extractMs, match: r.matchMs, paint: r.paintMs, ready: r.ready });
    if (i === 0) {
      const trace = summarizeTrace(
        await endTrace(cdp),
        page.url(),
        (u) => u.endsWith(`/${BENCH_SCRIPT}`),
        ({ fn, line: l }) => `${fn || '(top level)'}\u0000${module(l)}`,
      );
      for (const [key, ms] of trace.ourSelfMs) {
        const [fn, mod] = key.split('\u0000') as [string, string];
        byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
        byFunction.set(`${fn} (${mod})`, (byFunction.get(`${fn} (${mod})`) ?? 0) + ms);
      }
    }
    await cdp.detach();
    await page.close();
  }
  for (const stage of ['ready', 'extract', 'match', 'paint'] as const) {
    const label = {
      ready: 'pack ready (parse + compileMatcher at run time)',
      extract: 'extraction (findArticleRoot + extractBlocks)',
      match: 'matching (matchDocumentInSteps, all slices)',
      paint: 'painting (highlightRange for every match)',
    }[stage];
    lines.push(
      line({
        goal: 'why b',
        label: `labeler on the ${ARTICLE_WORDS.toLocaleString('en')}-word article, in the page: ${label}`,
        unit: 'ms',
        samples: stages.map((s) => s[stage]),
      }),
    );
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  lines.push(
    line({
      goal: 'why b',
      label: 'CPU self time by module, one traced labeling of the same article',
      unit: 'ms',
      samples: [[...byModule.values()].reduce((a, b) => a + b, 0)],
      note: top(byModule, 8)
        .map(([k, v]) => `${k} ${f(v)}`)
        .join(', '),
    }),
    line({
      goal: 'why b',
      label: 'CPU self time, top functions, same run',
      unit: 'ms',
      samples: [top(byFunction, 10).reduce((n, [, v]) => n + v, 0)],
      note: top(byFunction, 10)
        .map(([k, v]) => `${k} ${f(v)}`)
        .join(', '),
    }),
  );
  return lines;
}
