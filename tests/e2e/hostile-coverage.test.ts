import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness';
import { CARD, findingsOn, hoverHighlight, paintedRanges } from './highlights';
import {
  expectPageFine,
  openHostile,
  pageState,
  paintedSoon,
  serveHostilePages,
  settle,
} from './hostile-pages';

/** Text where a simple labeler does not look, and pages that keep it busy. */
const session = useExtensionSession(serveHostilePages);

describe('coverage', () => {
  it('labels a same-origin iframe, an about:srcdoc iframe and an about:blank iframe', async () => {
    const opened = await openHostile(session, 'frames.html');
    const { page } = opened;
    for (const id of ['same', 'srcdoc', 'blank']) {
      const element = (await page.$(`#${id}`))!;
      // Frames without a title naming DeepSeek are read once a reader's pointer is over them.
      const box = (await element.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 2);
      const frame = await element.contentFrame();
      const painted = await paintedSoon(frame!);
      expect(
        painted.some((r) => r.text.includes('one trillion')),
        id,
      ).toBe(true);
    }
    await expectPageFine(opened);
    await page.close();
  });

  it('labels text in an open shadow root, and its card opens on hover', async () => {
    const opened = await openHostile(session, 'shadow-root.html');
    const { page } = opened;
    await paintedSoon(page);
    const inShadow = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.values()]
        .flatMap((h) => [...h])
        .some((r) => r.startContainer.getRootNode() instanceof ShadowRoot),
    );
    expect(inShadow).toBe(true);
    const box = await page.evaluate(() => {
      const p = document.getElementById('story')!.shadowRoot!.getElementById('in-shadow')!;
      const r = p.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.locator(CARD).waitFor({ state: 'visible' });
    await page.close();
  });

  it('reads words broken by U+2060, U+FEFF, soft hyphens and zero-width spaces, painting the real text', async () => {
    const opened = await openHostile(session, 'format-chars.html');
    const { page } = opened;
    await paintedSoon(page);
    const findings = (await findingsOn(page))?.findings ?? [];
    const ids = findings.flatMap((f) => f.claims.map((c) => c.claimId));
    expect(ids).toEqual(
      expect.arrayContaining(['v4-total-params-1t', 'v4-context-1m', 'v4-pro-total-params-1-6t']),
    );
    // The painted ranges cover the page's own characters, joiners included, from first word to last.
    const painted = (await paintedRanges(page)).map((r) => r.text);
    expect(painted).toContain(
      'Deep\u2060Seek V4 could reach around one tril\u2060lion parameters, according to early reports.',
    );
    expect(painted.some((t) => t.startsWith('DeepSeek V\ufeff4 supports a 1 mil\ufefflion'))).toBe(true);
    await page.close();
  });

  it('text hidden by the page’s stylesheet is neither painted nor listed', async () => {
    const opened = await openHostile(session, 'hidden-text.html');
    const { page } = opened;
    const painted = await paintedSoon(page);
    expect(painted.some((r) => r.text.includes('1.6 trillion'))).toBe(true);
    // Text directly inside a `display: contents` wrapper renders in the wrapper's parent: it is shown.
    expect(painted.some((r) => r.text.includes('284 billion'))).toBe(true);
    for (const hidden of ['one trillion', '1 million token', 'MIT license', 'April 24'])
      expect(
        painted.some((r) => r.text.includes(hidden)),
        hidden,
      ).toBe(false);
    const texts = ((await findingsOn(page))?.findings ?? []).map((f) => f.text).join(' ');
    expect(texts).not.toMatch(/one trillion|1 million token|MIT license|April 24/);
    expect(texts).toMatch(/284 billion/);
    await page.close();
  });
});

describe('busy pages', () => {
  it('a page changing every 200 ms is labeled within 2 s, and its ticker keeps ticking', async () => {
    const opened = await openHostile(session, 'live-counter.html');
    const { page } = opened;
    const started = Date.now();
    await paintedSoon(page, 10_000);
    const took = Date.now() - started;
    const n = (await pageState<{ n: number }>(page)).n;
    // Loading the labeler the first time takes its own moment; the debounce must not add to it forever.
    expect(took).toBeLessThan(4000);
    await settle(page, 1000);
    expect((await pageState<{ n: number }>(page)).n).toBeGreaterThan(n);
    await expectPageFine(opened);
    await page.close();
  });

  it('an open card stays open on a page that keeps changing', async () => {
    const opened = await openHostile(session, 'live-counter.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    await settle(page, 3000);
    expect(await page.locator(CARD).isVisible()).toBe(true);
    await page.close();
  });

  it('a 100k-word block is labeled and re-read while the page’s own timer keeps running', async () => {
    const opened = await openHostile(session, 'huge-block.html');
    const { page } = opened;
    const painted = await paintedSoon(page, 20_000);
    expect(painted.some((r) => r.text.includes('one trillion parameters'))).toBe(true);
    // A change next to the block makes us re-read the whole article, the huge block included (in
    // pieces: tests/unit/labeler.test.ts). How long any one task takes is the benchmark's to measure;
    // here the page's 20 ms timer must keep firing and the new sentence must be labeled.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'DeepSeek V4 supports a 1 million token context window.';
      document.getElementById('huge')!.after(p);
      // Sentences are painted as the reader gets near them: the reader goes there.
      p.scrollIntoView();
      const w = window as any;
      w.__page.ticks = 0;
      setInterval(() => w.__page.ticks++, 20);
    });
    await expect
      .poll(async () => (await paintedRanges(page)).some((r) => r.text.includes('1 million token')), {
        timeout: 15_000,
      })
      .toBe(true);
    await settle(page, 1000);
    expect((await pageState<{ ticks: number }>(page)).ticks).toBeGreaterThan(10);
    await expectPageFine(opened);
    await page.close();
  });
});

describe('same-document navigation', () => {
  it('a hash change keeps the labels and the open card', async () => {
    const opened = await openHostile(session, 'navigation.html');
    const { page } = opened;
    const count = (await paintedSoon(page)).length;
    await hoverHighlight(page);
    await page.evaluate(() => {
      location.hash = '#more';
    });
    await settle(page, 1500);
    expect(await page.locator(CARD).isVisible()).toBe(true);
    expect((await paintedRanges(page)).length).toBe(count);
    await page.close();
  });

  it('pushState to a new address with the same text keeps labels and the card; the popup sees the new address', async () => {
    const opened = await openHostile(session, 'navigation.html');
    const { page } = opened;
    const count = (await paintedSoon(page)).length;
    await hoverHighlight(page);
    await page.evaluate(() => history.pushState({}, '', '/navigation.html?page=2'));
    await settle(page, 1500);
    expect(await page.locator(CARD).isVisible()).toBe(true);
    expect((await paintedRanges(page)).length).toBe(count);
    expect((await findingsOn(page))?.status).toBe('labeled');
    await page.close();
  });
});
