import type { Frame, Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

/**
 * What Claim Lens shows on a page, read the way a tool would: painted highlights from the document's
 * CSS.highlights registry (entries named claim-lens-<tier>, with -quiet/-dark variants, and
 * claim-lens-active), and what each highlighted sentence states from the page's answer to the popup.
 */

export interface PaintedRange {
  /** The CSS.highlights entry. */
  name: string;
  tier: string;
  /** The page text the range covers. */
  text: string;
}

export interface PageHighlight {
  text: string;
  claimId: string;
  tier: string;
  claimIds: string[];
}

let current: ExtensionSession | undefined;
/** The session whose service worker answers findingsOn; set by useExtensionSession. */
export function setFindingsSession(session: ExtensionSession): void {
  current = session;
}

export const CARD = '[data-claim-lens="card"] .card';

/** Every range we painted, in registry order, from the page's own world (what tools and the page see). */
export function paintedRanges(target: Page | Frame): Promise<PaintedRange[]> {
  return target.evaluate(() => {
    const out: { name: string; tier: string; text: string }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('claim-lens-') || name === 'claim-lens-active') continue;
      const tier = name.slice('claim-lens-'.length).replace(/-(quiet|dark)$/, '');
      for (const range of highlight) {
        const node = range.startContainer as Text;
        out.push({ name, tier, text: (node.data ?? '').slice(range.startOffset, range.endOffset) });
      }
    }
    return out;
  });
}

export async function paintedCount(target: Page | Frame): Promise<number> {
  return (await paintedRanges(target)).length;
}

/** What the page told the popup: its findings, exactly as the popup lists them. */
export async function findingsOn(
  page: Page,
  session = current,
): Promise<{
  status: string;
  findings: { highlightId: string; text: string; claims: { claimId: string; tier: string }[] }[];
  published?: { date: string } | null;
} | null> {
  if (!session) throw new Error('findingsOn needs an extension session');
  const url = page.url();
  return session.worker.evaluate(async (wanted: string) => {
    // biome-ignore lint/suspicious/noExplicitAny: chrome.* is untyped in the tests.
    const chrome = (globalThis as any).chrome;
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs
        .sendMessage(
          tab.id,
          { id: 1, type: 'getFindings', data: undefined, timestamp: Date.now() },
          { frameId: 0 },
        )
        .catch(() => undefined);
      if (answer?.res?.url === wanted) return answer.res;
    }
    return null;
  }, url);
}

/** Whitespace and invisible format characters (which the page's text keeps and a finding's drops) out. */
const squash = (s: string) =>
  s.replace(/[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]+/g, '');

/** The highlighted sentences: listed by the page and painted in its tier. */
export async function highlightsOn(page: Page): Promise<PageHighlight[]> {
  const [answer, painted] = await Promise.all([findingsOn(page), paintedRanges(page)]);
  return (answer?.findings ?? [])
    .filter((f) =>
      painted.some(
        (r) =>
          r.tier === f.claims[0]?.tier && squash(r.text) !== '' && squash(f.text).includes(squash(r.text)),
      ),
    )
    .map((f) => ({
      text: f.text,
      claimId: f.claims[0]!.claimId,
      tier: f.claims[0]!.tier,
      claimIds: f.claims.map((c) => c.claimId),
    }));
}

/**
 * A reader on the page: the pointer moves over it. Pages whose title and address do not name DeepSeek
 * are read only from then on (src/content/gate.ts), as a reader's page would be.
 */
export async function readerArrives(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(4, 3);
}

/**
 * Scrolls the whole page through the viewport a screen at a time and back to the top, as a reader
 * would: sentences are painted as they come near the viewport, so afterwards every one is.
 */
export async function scrollThrough(page: {
  evaluate(fn: () => Promise<void>): Promise<unknown>;
}): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    // Instant, whatever the page's scroll-behavior: a smooth scroll would still be on its way.
    const to = (top: number) => scrollTo({ top, behavior: 'instant' as ScrollBehavior });
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      to(y);
      await frame();
    }
    to(0);
    await frame();
  });
}

/**
 * Waits until the page has painted highlights and their number has stopped changing, with a reader on
 * it (`reader: false` for what the page gets before anyone touches it).
 */
export async function waitForHighlights(
  page: Page,
  { atLeast = 1, timeout = 10_000, reader = true } = {},
): Promise<PageHighlight[]> {
  if (reader) await readerArrives(page);
  const deadline = Date.now() + timeout;
  let previous = -1;
  while (Date.now() < deadline) {
    const count = await paintedCount(page).catch(() => 0);
    if (count >= atLeast && count === previous) return highlightsOn(page);
    previous = count;
    await page.waitForTimeout(300);
  }
  return highlightsOn(page);
}

/** Centre of the first painted range whose text belongs to `text` (any highlighted one when absent). */
export async function highlightPoint(
  target: Page | Frame,
  { text, tier }: { text?: string; tier?: string } = {},
): Promise<{ x: number; y: number } | null> {
  return target.evaluate(
    ({ text, tier }) => {
      const squashed = (s: string) => s.replace(/\s+/g, '');
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const [name, highlight] of registry) {
        if (!name.startsWith('claim-lens-') || name === 'claim-lens-active') continue;
        if (tier && name.slice('claim-lens-'.length).replace(/-(quiet|dark)$/, '') !== tier) continue;
        for (const r of highlight) {
          const covered = squashed((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
          if (covered.length < 3 || (text && !squashed(text).includes(covered))) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
          const rect = Array.from(range.getClientRects()).find((b) => b.width > 4);
          if (rect) return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { text, tier },
  );
}

/** Moves the mouse onto a highlight (of that text or tier) and waits for its card. */
export async function hoverHighlight(
  page: Page,
  which: { text?: string; tier?: string } = {},
): Promise<void> {
  const point = await highlightPoint(page, which);
  if (!point) throw new Error(`no painted highlight for ${JSON.stringify(which)}`);
  await page.mouse.move(point.x, point.y);
  await page.locator(CARD).waitFor({ state: 'visible' });
}
