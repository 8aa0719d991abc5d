import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser';
import { BUDGETS, RUNS } from '../config';
import { GATE_STEPS, withContentScript } from '../extensions';
import { type BenchWindow, NEG, NEG_100KB, openWithBench } from '../pages';
import { type Line, line, median, paired } from '../report';
import { interleaved, loadAndMeasure, type Side } from './loads';

/**
 * Goal (a): a page that never names DeepSeek costs ≤ 1 ms of script over an extension whose content
 * script is empty, and nothing else runs until a reader is there (then, once, what that costs). Then
 * where it goes: the same extension with cumulative stand-ins for what the content script does at load
 * (GATE_STEPS), and a CPU profile of the real one.
 */
export async function measureNoMention(
  extensionDir: string,
  micro: BrowserContext,
  serve: (c: BrowserContext) => Promise<void>,
): Promise<{ lines: Line[]; raw: unknown }> {
  const lines: Line[] = [];
  const contexts: Side[] = [];
  const open = async (name: string, dir: string) => {
    const context = await launchChromium({ extensionDir: dir });
    await serve(context);
    contexts.push({ name, context });
  };
  try {
    await open('claim-lens', extensionDir);
    await open('empty', withContentScript(extensionDir, 'empty', 'void 0;\n'));
    for (const step of GATE_STEPS)
      await open(step.name, withContentScript(extensionDir, step.name, step.code));
    // One throwaway load each: the first page of a browser pays one-time costs on every side.
    for (const s of contexts) await loadAndMeasure(s.context, NEG, { settleMs: 300 });

    const raw: Record<string, unknown> = {};
    const [claimLens, empty] = contexts as [Side, Side];
    for (const file of [NEG_100KB, NEG]) {
      const sides = file === NEG_100KB ? contexts : [claimLens, empty];
      const runs = await interleaved(sides, file, RUNS.noMentionLoads, { settleMs: 700 });
      raw[file] = Object.fromEntries(runs);
      const script = (name: string) => runs.get(name)!.map((x) => x.scriptMs);
      const extra = paired(script('claim-lens'), script('empty'));
      const labels = runs.get('claim-lens')!.reduce((n, x) => n + x.labels, 0);
      lines.push(
        line({
          goal: 'a',
          label: `${file === NEG ? 'page without DeepSeek (11 KB text)' : 'page without DeepSeek (100 KB text)'}: extra script over an empty content script`,
          unit: 'ms',
          samples: extra,
          budget: file === NEG_100KB ? BUDGETS.noMentionScriptMs : undefined,
          judge: 'median',
          note: `ScriptDuration (CDP) per load, Claim Lens ${f(median(script('claim-lens')))} vs empty ${f(median(script('empty')))} ms, paired over ${extra.length} interleaved loads, nobody touching the page; highlights painted: ${labels}`,
        }),
      );
      if (file !== NEG_100KB) continue;
      let previous = script('empty');
      for (const step of GATE_STEPS) {
        lines.push(
          line({
            goal: 'why a',
            label: `content script doing only ${step.what}: extra over the step before`,
            unit: 'ms',
            samples: paired(script(step.name), previous),
            note: `vs empty: ${f(median(paired(script(step.name), script('empty'))))} ms`,
          }),
        );
        previous = script(step.name);
      }
      lines.push(
        line({
          goal: 'why a',
          label: 'the real content script (WXT bundle) over the last stand-in',
          unit: 'ms',
          samples: paired(script('claim-lens'), previous),
        }),
      );
    }

    // What the deferred part costs: a reader moves the pointer over the page, so the gate reads its whole
    // text, watches it and answers the popup (once per page).
    const reader = { settleMs: 700, reader: (page: Page) => page.mouse.move(200, 200) };
    const read = await interleaved([claimLens, empty], NEG_100KB, RUNS.readerLoads, reader);
    const readScript = (name: string) => read.get(name)!.map((x) => x.scriptMs);
    lines.push(
      line({
        goal: 'a',
        label: 'page without DeepSeek (100 KB text) once a reader moves the pointer over it: extra script',
        unit: 'ms',
        samples: paired(readScript('claim-lens'), readScript('empty')),
        note: 'the whole-text check, the mutation observer and the popup listener, which wait for a reader; once per page',
      }),
    );

    // Nothing else runs: a traced load names every script of ours that ran.
    const traced = await loadAndMeasure(contexts[0]!.context, NEG_100KB, { settleMs: 700, trace: true });
    const ran = new Set(
      traced.trace?.tasks.flatMap((t) => t.where.map((w) => w.replace(/^.*\((.*)\)$/, '$1'))),
    );
    const top = [...(traced.trace?.ourSelfMs ?? new Map())].sort((a, b) => b[1] - a[1]).slice(0, 5);
    lines.push(
      line({
        goal: 'a',
        label: 'page without DeepSeek: scripts of ours that ran (trace)',
        unit: 'tasks',
        samples: [traced.trace?.tasks.filter((t) => t.ours).length ?? 0],
        note: `${[...ran].join(', ') || 'none'}; CPU profile (${f(traced.trace?.samplingMs ?? 0)} ms sampling): ${top.map(([k, v]) => `${k} ${f(v)} ms`).join('; ') || 'no samples in our code'}`,
      }),
    );

    // The watcher's whole-text check, timed inside the page (module-level, no extension).
    for (const file of [NEG_100KB, NEG]) {
      const first: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await openWithBench(micro, file);
        const g = await page.evaluate(
          (n) => (window as unknown as BenchWindow).__clBench.gate(n),
          RUNS.gateCalls,
        );
        first.push(g.firstMs);
        warm.push(...g.warmMs);
        await page.close();
      }
      lines.push(
        line({
          goal: 'why a',
          label: `whole-text check once a reader is there (pageMentionsDeepSeek) on ${file === NEG ? '11 KB' : '100 KB'} of text, first call in a page`,
          unit: 'ms',
          samples: first,
          note: `warm calls: median ${f(median(warm))} ms`,
        }),
      );
    }
    return { lines, raw };
  } finally {
    for (const s of contexts) await s.context.close();
  }
}

export const f = (n: number) => (Number.isNaN(n) ? '—' : Math.abs(n) < 1 ? n.toFixed(3) : n.toFixed(2));
