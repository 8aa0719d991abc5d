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
    // A point well inside a painted sentence: the widest line box of a highlight range (a range's first
    // rect can be a zero-width sliver at a line end, where the pointer finds no claim).
    const point = await page.evaluate(async () => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
      const live = (r: AbstractRange) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      const widest = (range: Range) => [...range.getClientRects()].sort((x, y) => y.width - x.width)[0];
      let target: Range | undefined;
      registry?.forEach((h, name) => {
        if (name.startsWith('claim-lens-') && name !== 'claim-lens-active')
          for (const r of h) if (!target && (widest(live(r))?.width ?? 0) > 40) target = live(r);
      });
      if (!target) return undefined;
      // Instant, whatever the page's scroll-behavior, and measured after the frame that scrolled.
      scrollTo({ top: Math.max(0, scrollY + widest(target)!.top - 200), behavior: 'instant' });
      await new Promise(requestAnimationFrame);
      const rect = widest(target)!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    if (!point) throw new Error(`no highlight to hover on ${file}`);
    await page.evaluate(() => {
      const w = window as unknown as { __hoverAt?: number; __cardAt?: Promise<number> };
      w.__cardAt = new Promise((done) => {
        // The card's host is a popover with an open shadow root (or, in older builds, <claim-lens-card>).
        // Shown means seen: a card made ready unseen during the hover delay (visibility: hidden) is not.
        const shown = () =>
          Array.from(document.querySelectorAll(':popover-open, claim-lens-card')).some((host) => {
            const card = host.shadowRoot?.querySelector('.card');
            const style = card ? getComputedStyle(card) : undefined;
            return style !== undefined && style.display !== 'none' && style.visibility === 'visible';
          });
        // When the frame that shows the card runs (not its start time, which can precede the open: a frame
        // whose start the open task delayed still carries the earlier time).
        const frame = () => (shown() ? done(performance.now()) : requestAnimationFrame(frame));
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
