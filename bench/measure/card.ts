import type { BrowserContext } from 'playwright-core';
import { BUDGETS, RUNS } from '../config';
import { type Line, line, median } from '../report';
import { freshUrl, labelCount, sleep } from './loads';
import { f } from './no-mention';

/** The card waits this long after the pointer arrives, on purpose, so a pointer passing by opens nothing. */
const HOVER_OPEN_DELAY_MS = 120;

/**
 * Goal (e): the first card of a page opens ≤ 16 ms after the hover (after the deliberate open delay).
 * Real pointer input on the built extension; the page's main world times the mouseover and the first
 * animation frame in which the card's shadow host is shown with a card inside.
 */
export async function measureCard(claimLens: BrowserContext, file: string): Promise<Line[]> {
  const latency: number[] = [];
  for (let i = 0; i < RUNS.cardLoads; i++) {
    const page = await claimLens.newPage();
    // tsx compiles this file with keepNames, which wraps named functions inside evaluate() in __name().
    await page.addInitScript('globalThis.__name ??= (f) => f;');
    await page.goto(freshUrl(file), { waitUntil: 'load' });
    for (let t = 0; t < 40 && (await labelCount(page)) === 0; t++) await sleep(250);
    await sleep(1000);
    // A highlighted sentence's position: a mark element, or a range of a Custom Highlight.
    const point = await page.evaluate(() => {
      let target: Element | Range | null = document.querySelector('claim-lens-mark');
      if (!target) {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
        registry?.forEach((h, name) => {
          if (target || !name.startsWith('claim-lens-')) return;
          const [first] = h;
          if (!first) return;
          const live = document.createRange();
          live.setStart(first.startContainer, first.startOffset);
          live.setEnd(first.endContainer, first.endOffset);
          target = live;
        });
      }
      const rectOf = (t: Element | Range) =>
        t instanceof Range ? t.getClientRects()[0] : t.getBoundingClientRect();
      const first = target ? rectOf(target) : undefined;
      if (!target || !first) return undefined;
      scrollTo(0, Math.max(0, scrollY + first.top - 200));
      const rect = rectOf(target)!;
      return { x: rect.left + Math.min(10, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    if (!point) throw new Error(`no highlight to hover on ${file}`);
    await page.evaluate(() => {
      const w = window as unknown as { __hoverAt?: number; __cardAt?: Promise<number> };
      w.__cardAt = new Promise((done) => {
        // The card's host is a popover with an open shadow root (or, in older builds, <claim-lens-card>).
        const shown = () =>
          Array.from(document.querySelectorAll(':popover-open, claim-lens-card')).some(
            (host) =>
              getComputedStyle(host).display !== 'none' && host.shadowRoot?.querySelector('.card') != null,
          );
        const frame = (at: number) => (shown() ? done(at) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      });
      addEventListener('pointermove', (e) => (w.__hoverAt ??= e.timeStamp), { capture: true });
    });
    await page.mouse.move(point.x, point.y);
    const times = await page.evaluate(async () => {
      const w = window as unknown as { __hoverAt?: number; __cardAt?: Promise<number> };
      const cardAt = await Promise.race([
        w.__cardAt!,
        new Promise<number>((r) => setTimeout(() => r(Number.NaN), 5000)),
      ]);
      return { hoverAt: w.__hoverAt ?? Number.NaN, cardAt };
    });
    latency.push(times.cardAt - times.hoverAt - HOVER_OPEN_DELAY_MS);
    await page.close();
  }
  const opened = latency.filter(Number.isFinite);
  return [
    line({
      goal: 'e',
      label: `first card open after hover (beyond the deliberate ${HOVER_OPEN_DELAY_MS} ms open delay), fresh page`,
      unit: 'ms',
      samples: opened,
      budget: BUDGETS.cardOpenMs,
      judge: 'median',
      note: `pointer move → first animation frame with the card shown, minus ${HOVER_OPEN_DELAY_MS} ms; real pointer input, built extension; raw median ${f(median(opened) + HOVER_OPEN_DELAY_MS)} ms; card seen in ${opened.length} of ${latency.length} hovers (the others: no card within 5 s)`,
    }),
  ];
}
