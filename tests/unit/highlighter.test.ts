import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/page/extract';
import { HighlightPainter, type Paintable, supportsHighlights } from '../../src/page/highlighter';
import { highlightName, highlightStylesheet } from '../../src/page/mark-styles';
import { spansFor } from '../../src/page/text-spans';

/**
 * happy-dom has no CSS Custom Highlight API, so the browser's registry is stood in for by the smallest
 * thing with the same shape (a Map of Sets, StaticRange as a plain record). What is under test is ours:
 * which ranges go into which named highlight, that the page's DOM is never touched, and repair.
 */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
class FakeStaticRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}
/**
 * The browser reports intersections after a frame; `frame()` is that moment, with every element near the
 * viewport except those in `farAway` (and `boxless`: no box of its own, as with display: contents).
 */
const farAway = new Set<Element>();
const boxless = new Set<Element>();
const observers = new Set<FakeIntersectionObserver>();
class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: object[], observer: FakeIntersectionObserver) => void) {
    observers.add(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  report() {
    const entries = [...this.targets].map((target) => ({
      target,
      isIntersecting: !farAway.has(target) && !boxless.has(target),
      boundingClientRect: boxless.has(target) ? { width: 0, height: 0 } : { width: 300, height: 20 },
    }));
    if (entries.length > 0) this.callback(entries, this);
  }
}
function frame() {
  for (const observer of observers) observer.report();
}
const registry = new Map<string, FakeHighlight>();
const w = document.defaultView as unknown as Record<string, unknown>;

beforeEach(() => {
  registry.clear();
  w.Highlight = FakeHighlight;
  w.StaticRange = FakeStaticRange;
  w.CSS = { ...((w.CSS as object) ?? {}), highlights: registry };
  w.IntersectionObserver = FakeIntersectionObserver;
});
afterEach(() => {
  document.body.innerHTML = '';
  observers.clear();
  farAway.clear();
  boxless.clear();
});

function article(html: string) {
  document.body.innerHTML = `<article>${html}</article>`;
  return extractBlocks(document.querySelector('article')!);
}

const painted = () =>
  [...registry].map(([name, h]) => [
    name,
    [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
  ]);

describe('HighlightPainter', () => {
  it('paints each item in its tier’s named highlight and never touches the DOM', () => {
    const blocks = article(
      '<p>DeepSeek V4 has <b>one trillion</b> parameters. Other text.</p><p>V4 is open.</p>',
    );
    const before = document.body.innerHTML;
    const nodes = [...document.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes]);
    const painter = new HighlightPainter<Paintable>(document);
    const a: Paintable = { tier: 'contradicted', emphasis: 'strong', spans: spansFor(blocks[0]!, 0, 40) };
    const b: Paintable = { tier: 'confirmed', emphasis: 'quiet', spans: spansFor(blocks[1]!, 0, 11) };
    painter.paint([a, b]);
    frame();
    expect(painted()).toEqual([
      ['claim-lens-contradicted', ['DeepSeek V4 has ', 'one trillion', ' parameters.']],
      ['claim-lens-confirmed-quiet', ['V4 is open.']],
    ]);
    painter.setActive(a);
    expect(registry.get('claim-lens-active')?.size).toBe(3);
    expect(registry.get('claim-lens-active')?.priority).toBe(1);
    expect(document.body.innerHTML).toBe(before);
    expect([...document.querySelectorAll('p, b')].flatMap((el) => [...el.childNodes])).toEqual(nodes);
    painter.clear();
    expect([...registry.keys()]).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps ranges that stay painted, so a rescan does not repaint unchanged text', () => {
    const blocks = article('<p>First sentence here. Second sentence here.</p>');
    const painter = new HighlightPainter<Paintable>(document);
    const first = { tier: 'rumor', emphasis: 'strong', spans: spansFor(blocks[0]!, 0, 21) } as Paintable;
    painter.paint([first]);
    frame();
    const [range] = [...registry.get('claim-lens-rumor')!];
    const again = { ...first, spans: spansFor(blocks[0]!, 0, 21) };
    const second = { tier: 'rumor', emphasis: 'strong', spans: spansFor(blocks[0]!, 22, 43) } as Paintable;
    painter.paint([again, second]);
    frame();
    const ranges = [...registry.get('claim-lens-rumor')!];
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBe(range);
    painter.paint([second]);
    frame();
    expect([...registry.get('claim-lens-rumor')!]).toEqual([ranges[1]]);
    painter.paint([]);
    frame();
    expect(registry.size).toBe(0);
  });

  it('repairs what the page does to the shared registry: removed, replaced, added to, or forged names', () => {
    const blocks = article('<p>DeepSeek V4 has one trillion parameters.</p><p>Forged text.</p>');
    const painter = new HighlightPainter<Paintable>(document);
    painter.paint([{ tier: 'contradicted', emphasis: 'strong', spans: spansFor(blocks[0]!, 0, 10) }]);
    frame();
    const ours = registry.get('claim-lens-contradicted')!;
    expect(painter.repair()).toBe(false);
    const forged = new FakeStaticRange({
      startContainer: blocks[1]!.nodes[0]!.node,
      startOffset: 0,
      endContainer: blocks[1]!.nodes[0]!.node,
      endOffset: 6,
    }) as unknown as AbstractRange;
    ours.add(forged);
    registry.set('claim-lens-confirmed', new FakeHighlight(forged));
    expect(painter.repair()).toBe(true);
    expect(painted()).toEqual([['claim-lens-contradicted', ['DeepSeek V']]]);
    registry.clear();
    expect(painter.repair()).toBe(true);
    expect(painted()).toEqual([['claim-lens-contradicted', ['DeepSeek V']]]);
  });

  it('clamps to text the page has since shortened', () => {
    const blocks = article('<p><span>Views: 1000</span></p>');
    const painter = new HighlightPainter<Paintable>(document);
    const spans = spansFor(blocks[0]!, 0, 11);
    blocks[0]!.nodes[0]!.node.data = 'Views: 9';
    painter.paint([{ tier: 'rumor', emphasis: 'strong', spans }]);
    frame();
    expect(painted()).toEqual([['claim-lens-rumor', ['Views: 9']]]);
  });

  it('paints a sentence when its text comes near the viewport, or at once when the reader is taken to it', () => {
    const blocks = article(
      '<p>Near sentence.</p><p>Far sentence.</p><p>Farther sentence.</p><p><span>Boxless.</span></p>',
    );
    const [near, far, farther, noBox] = blocks.map(
      (block): Paintable => ({
        tier: 'rumor',
        emphasis: 'strong',
        spans: spansFor(block, 0, block.text.length),
      }),
    ) as [Paintable, Paintable, Paintable, Paintable];
    const [, farP, fartherP] = document.querySelectorAll('p');
    farAway.add(farP!).add(fartherP!);
    boxless.add(document.querySelector('span')!);
    const painter = new HighlightPainter<Paintable>(document);
    painter.paint([near, far, farther, noBox]);
    expect(painted()).toEqual([]);
    frame();
    expect(painted()).toEqual([['claim-lens-rumor', ['Near sentence.', 'Boxless.']]]);
    expect(painter.rangeCount).toBe(2);
    // The reader scrolls down: the next paragraph comes near.
    farAway.delete(farP!);
    frame();
    expect(painted()).toEqual([['claim-lens-rumor', ['Near sentence.', 'Boxless.', 'Far sentence.']]]);
    // The popup or the shortcut opens the farthest one's card: painted now, and marked active.
    painter.setActive(farther);
    expect(painter.rangeCount).toBe(4);
    expect(registry.get('claim-lens-active')?.size).toBe(1);
    // A rescan keeps what is painted and leaves nothing waiting twice.
    painter.paint([near, far, farther, noBox]);
    frame();
    expect(painter.rangeCount).toBe(4);
    expect([...registry.get('claim-lens-rumor')!]).toHaveLength(4);
  });

  it('paints everything at once where the browser cannot tell what is near', () => {
    const blocks = article('<p>One sentence.</p><p>Two sentences.</p>');
    const items = blocks.map(
      (block): Paintable => ({
        tier: 'rumor',
        emphasis: 'strong',
        spans: spansFor(block, 0, block.text.length),
      }),
    );
    farAway.add(document.querySelectorAll('p')[1]!);
    delete w.IntersectionObserver;
    new HighlightPainter<Paintable>(document).paint(items);
    expect(painted()).toEqual([['claim-lens-rumor', ['One sentence.', 'Two sentences.']]]);
  });

  it('says when the browser cannot paint without touching the page', () => {
    expect(supportsHighlights(document.defaultView)).toBe(true);
    delete w.Highlight;
    expect(supportsHighlights(document.defaultView)).toBe(false);
  });
});

describe('highlight styles', () => {
  it('style every tier by fill and underline style, with quiet and dark variants and the active claim', () => {
    const css = highlightStylesheet();
    for (const [tier, underline] of [
      ['confirmed', 'solid'],
      ['reported', 'double'],
      ['speculative', 'dashed'],
      ['rumor', 'dotted'],
      ['contradicted', 'wavy'],
    ] as const) {
      for (const name of [
        highlightName(tier),
        highlightName(tier, 'quiet'),
        highlightName(tier, 'strong', 'dark'),
      ])
        expect(css).toMatch(new RegExp(`::highlight\\(${name}\\) \\{[^}]*underline ${underline}`));
    }
    expect(css).toContain('::highlight(claim-lens-active)');
    expect(css).toContain('forced-colors: active');
  });
});
