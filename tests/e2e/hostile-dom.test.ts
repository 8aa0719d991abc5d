import { describe, expect, it } from 'vitest';
import { storageRemove, storageSet } from './extension-pages';
import { useExtensionSession } from './harness';
import { CARD, findingsOn, highlightPoint, hoverHighlight, paintedRanges } from './highlights';
import {
  bodyHtml,
  expectPageFine,
  openHostile,
  ourTraces,
  pageState,
  paintedSoon,
  serveHostilePages,
  settle,
} from './hostile-pages';

/**
 * Pages that a DOM-editing labeler breaks, and pages that try to switch the labeler off or borrow its
 * voice. Every case checks that the page's own scripts keep working and that no request leaves the tab.
 */
const session = useExtensionSession(serveHostilePages);

/**
 * Every node of the document with its identity, to compare before/after labeling. Our card's host (on
 * <html>) is ours, not a page node, and is left out with its subtree.
 */
const collectNodes = () => {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL, (n) =>
    n instanceof Element && n.hasAttribute('data-claim-lens')
      ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT,
  );
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
  return nodes;
};
const snapshotNodes = new Function(
  `const collect = ${collectNodes.toString()}; window.__nodes = collect().map((n) => [n, n.nodeType === 3 ? n.data : '']); return window.__nodes.length;`,
) as () => number;
const compareNodes = new Function(
  `const collect = ${collectNodes.toString()}; const before = window.__nodes; const now = collect();
   return { sameCount: before.length === now.length, allSame: before.every(([n, data], i) => n === now[i] && (n.nodeType !== 3 || n.data === data)),
     textSplit: now.filter((n) => n.nodeType === 3 && !before.some(([b]) => b === n)).length };`,
) as () => { sameCount: boolean; allSame: boolean; textSplit: number };

describe('no page node is split, moved or wrapped', () => {
  it('the DOM is node-for-node the same before and after labeling, with the card open', async () => {
    const opened = await openHostile(session, 'navigation.html');
    const { page } = opened;
    // Snapshot as early as we can: the labeler runs at document_idle and takes a moment.
    await page.evaluate(snapshotNodes);
    await paintedSoon(page);
    await hoverHighlight(page);
    const result = await page.evaluate(compareNodes);
    expect(result).toEqual({ sameCount: true, allSame: true, textSplit: 0 });
    // And the same structure as the page's own source, parsed fresh: no node we could have added earlier.
    const structure = await page.evaluate(async () => {
      const shape = (root: Node): string[] => {
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          out.push(n.nodeType === 3 ? `#${(n as Text).data}` : n.nodeName);
        return out;
      };
      const source = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      return { live: shape(document.body), parsed: shape(parsed.body) };
    });
    expect(structure.live).toEqual(structure.parsed);
    await expectPageFine(opened);
    await page.close();
  });

  it('removing labels leaves nothing behind: no highlight entries, the same markup', async () => {
    const opened = await openHostile(session, 'navigation.html');
    const { page } = opened;
    const before = await bodyHtml(page);
    await paintedSoon(page);
    expect(await bodyHtml(page)).toBe(before);
    await storageSet(session, {
      settings: { sites: { 'hostile.example.test': 'never' } },
      settings$: { v: 2 },
    });
    await expect.poll(async () => (await ourTraces(page)).highlights, { timeout: 5000 }).toEqual([]);
    expect(await bodyHtml(page)).toBe(before);
    await storageRemove(session, ['settings', 'settings$']);
    await page.close();
  });

  it('a text node the page updates inside a labeled sentence never grows or changes identity', async () => {
    const opened = await openHostile(session, 'counter-in-sentence.html');
    const { page } = opened;
    const painted = await paintedSoon(page);
    expect(painted.some((r) => r.text.includes('one trillion'))).toBe(true);
    await settle(page, 2500);
    const live = await page.evaluate(() => ({
      text: document.getElementById('live')?.textContent,
      sameNode: document.getElementById('views')?.firstChild === (window as any).__page.node,
      n: (window as any).__page.n as number,
    }));
    expect(live.sameNode).toBe(true);
    expect(live.n).toBeGreaterThan(15);
    expect(live.text).toMatch(
      /^DeepSeek V4 could reach around one trillion parameters, according to early reports Views: \d+ so far\.$/,
    );
    await expectPageFine(opened);
    await page.close();
  });

  it('a framework moving and removing its own text nodes in a labeled sentence keeps working', async () => {
    const opened = await openHostile(session, 'framework-text-nodes.html');
    const { page } = opened;
    await paintedSoon(page);
    await page.evaluate(() => (window as any).__page.rerender());
    const state = await pageState<{ rerendered: string }>(page);
    expect(state.rerendered).toBe(
      'DeepSeek V4 could reach around one trillion parameters, according to early reports.',
    );
    await expectPageFine(opened);
    await page.close();
  });

  it('custom elements named claim-lens-* never run: we create none, even with the card open', async () => {
    const opened = await openHostile(session, 'custom-elements.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    expect((await pageState<{ constructed: number }>(page)).constructed).toBe(0);
    await expectPageFine(opened);
    await page.close();
  });

  it('page spies on DOM APIs see no call from us, and a link in a labeled sentence still works', async () => {
    const opened = await openHostile(session, 'main-world-spies.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    expect((await pageState<{ calls: string[] }>(page)).calls).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'hidden' });
    await page.click('#link');
    expect((await pageState<{ clicked: boolean }>(page)).clicked).toBe(true);
    await page.close();
  });
});

describe('where we do not run', () => {
  it.each(['design-mode.html', 'body-editable.html'])(
    '%s: the user’s document is left alone',
    async (name) => {
      const opened = await openHostile(session, name);
      const { page } = opened;
      const before = await bodyHtml(page);
      await settle(page);
      expect(await ourTraces(page)).toEqual({ hosts: 0, highlights: [] });
      expect(await bodyHtml(page)).toBe(before);
      await expectPageFine(opened);
      await page.close();
    },
  );

  it('an editable region, code and a textarea inside an article are not labeled; the rest is', async () => {
    const opened = await openHostile(session, 'editable-region.html');
    const { page } = opened;
    const painted = await paintedSoon(page);
    expect(painted.some((r) => r.text.includes('one trillion'))).toBe(true);
    expect(painted.some((r) => r.text.includes('MIT license'))).toBe(false);
    const inside = await page.evaluate(
      () =>
        [...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.values()]
          .flatMap((h) => [...h])
          .filter((r) => r.startContainer.parentElement?.closest('#editor, code, textarea')).length,
    );
    expect(inside).toBe(0);
    await page.close();
  });

  it('an SVG document gets nothing: no nodes, no highlights, its text renders as before', async () => {
    const opened = await openHostile(session, 'document.svg');
    const { page } = opened;
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('the page cannot switch us off or speak in our name', () => {
  it('replaying WXT’s content-script-started event or message changes nothing; we post nothing', async () => {
    const opened = await openHostile(session, 'replay-wxt.html');
    const { page } = opened;
    await paintedSoon(page);
    const count = (await paintedRanges(page)).length;
    await page.evaluate((id) => (window as any).__page.replay(id), session.extensionId);
    await settle(page, 2500);
    expect((await paintedRanges(page)).length).toBe(count);
    expect((await findingsOn(page))?.status).toBe('labeled');
    const messages = (await pageState<{ messages: string[] }>(page)).messages;
    expect(messages.filter((m) => !m.includes('"messageId":"page"'))).toEqual([]);
    await hoverHighlight(page);
    await page.close();
  });

  it('forged claim-lens-mark elements get no style of ours, no card and no place in the popup', async () => {
    const opened = await openHostile(session, 'forged.html');
    const { page } = opened;
    await paintedSoon(page);
    const findings = (await findingsOn(page))?.findings ?? [];
    expect(findings.some((f) => f.text.includes('best in the world'))).toBe(false);
    const box = (await page.locator('#forged claim-lens-mark').boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await settle(page, 800);
    expect(await page.locator(CARD).isVisible()).toBe(false);
    await page.close();
  });

  it('elements whose ids are our modules’ names (visible on window, even to us) do not pass for them', async () => {
    const opened = await openHostile(session, 'module-key-ids.html');
    const { page } = opened;
    await paintedSoon(page);
    expect((await paintedRanges(page)).length).toBeGreaterThan(0);
    await hoverHighlight(page);
    await expect.poll(() => page.locator(CARD).isVisible()).toBe(true);
    await expectPageFine(opened);
    await page.close();
  });

  it('ranges the page adds to our highlights are taken out again, and give no card', async () => {
    const opened = await openHostile(session, 'forged.html');
    const { page } = opened;
    await paintedSoon(page);
    await page.evaluate(() => (window as any).__page.forge());
    await expect
      .poll(async () => (await paintedRanges(page)).some((r) => r.text.includes('best in the world')), {
        timeout: 6000,
      })
      .toBe(false);
    await page.close();
  });

  it('a page that clears CSS.highlights gets our labels back', async () => {
    const opened = await openHostile(session, 'forged.html');
    const { page } = opened;
    const painted = (await paintedSoon(page)).length;
    await page.evaluate(() => (window as any).__page.wipe());
    expect((await paintedRanges(page)).length).toBe(0);
    await expect.poll(async () => (await paintedRanges(page)).length, { timeout: 6000 }).toBe(painted);
    await page.close();
  });

  it('a page that removes our card host and every stylesheet: the card comes back, labels stay painted', async () => {
    const opened = await openHostile(session, 'removes-our-nodes.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    await page.evaluate(() => (window as any).__page.purge());
    await expect.poll(() => page.locator(CARD).isVisible(), { timeout: 5000 }).toBe(true);
    const style = await page.evaluate(() => {
      const p = document.getElementById('s1')!;
      return getComputedStyle(p, '::highlight(claim-lens-contradicted)').textDecorationStyle;
    });
    expect(style).toBe('wavy');
    await expectPageFine(opened);
    await page.close();
  });
});

describe('the card above anything the page stacks', () => {
  it('over a modal <dialog>: visible, on top, and its buttons work', async () => {
    const opened = await openHostile(session, 'modal-dialog.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    const box = (await page.locator(CARD).boundingBox())!;
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-claim-lens]') !== null,
      { x: box.x + box.width / 2, y: box.y + 20 },
    );
    expect(onTop).toBe(true);
    await page.locator(`${CARD} button[aria-label="Close"]`).click();
    await page.locator(CARD).waitFor({ state: 'hidden' });
    await page.click('#dlg-close');
    expect((await pageState<{ closed: boolean }>(page)).closed).toBe(true);
    await page.close();
  });

  it('with a transformed <html> and CSS hiding every div and popover: inside the viewport, beside its words', async () => {
    const opened = await openHostile(session, 'transformed-html.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    const box = (await page.locator(CARD).boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    const point = (await highlightPoint(page))!;
    const covers =
      point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    expect(covers).toBe(false);
    await page.close();
  });
});
