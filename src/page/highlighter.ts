import type { Tier } from '../core/pack/schema';
import {
  ACTIVE_HIGHLIGHT,
  type Emphasis,
  HIGHLIGHT_PREFIX,
  highlightName,
  type PageTheme,
} from './mark-styles';
import type { TextSpan } from './text-spans';

/**
 * Paints labeled sentences with the CSS Custom Highlight API. No page node is split, moved, wrapped or
 * given an attribute: each span becomes a StaticRange (which costs nothing when the page mutates, unlike a
 * live Range) inside one Highlight per tier, registered in the document's CSS.highlights. Removing labels
 * leaves nothing behind, and a page's own scripts, frameworks and custom elements never meet our nodes.
 */

export interface Paintable {
  tier: Tier;
  emphasis: Emphasis;
  spans: TextSpan[];
}

interface HighlightLike {
  priority: number;
  readonly size: number;
  add(range: AbstractRange): void;
  delete(range: AbstractRange): boolean;
  clear(): void;
}
interface HighlightRegistryLike {
  keys(): IterableIterator<string>;
  get(name: string): unknown;
  set(name: string, highlight: HighlightLike): void;
  delete(name: string): boolean;
  highlightsFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { highlight: unknown; ranges: AbstractRange[] }[];
}
interface HighlightWindow {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  StaticRange?: typeof StaticRange;
  CSS?: { highlights?: HighlightRegistryLike };
}

/** Whether this browser can paint highlights without touching the page (we never fall back to wrapping). */
export function supportsHighlights(view: Window | null): boolean {
  const w = view as HighlightWindow | null;
  return Boolean(w?.Highlight && w.StaticRange && w.CSS?.highlights);
}

interface NodeHit<T> {
  from: number;
  to: number;
  item: T;
}

/** Sentences whose ranges are made between two steps of paintInSteps. */
const ITEMS_PER_PAINT_STEP = 200;

export class HighlightPainter<T extends Paintable> {
  private readonly registry: HighlightRegistryLike;
  private readonly HighlightCtor: new (
    ...ranges: AbstractRange[]
  ) => HighlightLike;
  private readonly StaticRangeCtor: typeof StaticRange;
  /** Our highlights by name, and how many ranges each should hold (a page may add or remove some). */
  private readonly highlights = new Map<string, { highlight: HighlightLike; ranges: AbstractRange[] }>();
  private itemOfRange = new Map<AbstractRange, T>();
  private rangesOfItem = new Map<T, AbstractRange[]>();
  /** Hover lookup: the caret under the pointer gives a text node and offset; this finds the claim. */
  private byNode = new Map<Text, NodeHit<T>[]>();
  private shadowRoots = new Set<ShadowRoot>();
  private active: T | undefined;

  constructor(private readonly doc: Document) {
    const view = doc.defaultView as unknown as HighlightWindow;
    this.registry = view.CSS!.highlights!;
    this.HighlightCtor = view.Highlight!;
    this.StaticRangeCtor = view.StaticRange!;
  }

  /**
   * Paints exactly these items, replacing what was painted. Linear in the number of spans, and a range
   * that is painted already (same node, offsets and highlight) is kept as it is: every change to a
   * highlight makes the browser repaint its text, which on a very long text node is not free.
   */
  paint(items: readonly T[], theme: PageTheme = 'light'): void {
    const steps = this.paintInSteps(items, theme);
    while (!steps.next().done);
  }

  /**
   * The same, pausable every few hundred sentences while the ranges are made; what the page sees (the
   * registry) and what the pointer finds change together in the last step.
   */
  *paintInSteps(items: readonly T[], theme: PageTheme = 'light'): Generator<void, void> {
    const previous = new Map<string, AbstractRange>();
    for (const [name, entry] of this.highlights) {
      for (const range of entry.ranges) previous.set(rangeKey(name, range), range);
    }
    const next = new Map<string, AbstractRange[]>();
    const itemOfRange = new Map<AbstractRange, T>();
    const rangesOfItem = new Map<T, AbstractRange[]>();
    const byNode = new Map<Text, NodeHit<T>[]>();
    const shadowRoots = new Set<ShadowRoot>();
    let made = 0;
    for (const item of items) {
      if (++made % ITEMS_PER_PAINT_STEP === 0) yield;
      const name = highlightName(item.tier, item.emphasis, theme);
      const list = next.get(name) ?? [];
      next.set(name, list);
      const ranges: AbstractRange[] = [];
      for (const span of item.spans) {
        const length = span.node.data.length;
        const bounds = {
          startContainer: span.node,
          startOffset: Math.min(span.from, length),
          endContainer: span.node,
          endOffset: Math.min(span.to, length),
        };
        // The first paint of a page has nothing to keep: no keys to make.
        const key = previous.size > 0 ? rangeKey(name, bounds) : undefined;
        const range = (key !== undefined && previous.get(key)) || new this.StaticRangeCtor(bounds);
        if (key !== undefined) previous.delete(key);
        ranges.push(range);
        list.push(range);
        itemOfRange.set(range, item);
        const hits = byNode.get(span.node) ?? [];
        if (hits.length === 0) byNode.set(span.node, hits);
        hits.push({ from: span.from, to: span.to, item });
        const root = span.node.getRootNode();
        if (root !== this.doc && 'host' in root) shadowRoots.add(root as ShadowRoot);
      }
      rangesOfItem.set(item, ranges);
    }
    this.itemOfRange = itemOfRange;
    this.rangesOfItem = rangesOfItem;
    this.byNode = byNode;
    this.shadowRoots = shadowRoots;
    // Ranges no longer wanted leave their highlight; new ones join; empty highlights leave the registry.
    for (const [name, entry] of this.highlights) {
      const wanted = new Set(next.get(name) ?? []);
      for (const range of entry.ranges) if (!wanted.has(range)) entry.highlight.delete(range);
      if (wanted.size === 0) {
        this.registry.delete(name);
        this.highlights.delete(name);
      }
    }
    for (const [name, ranges] of next) {
      let entry = this.highlights.get(name);
      if (!entry) {
        entry = { highlight: new this.HighlightCtor(), ranges: [] };
        this.highlights.set(name, entry);
      }
      const had = new Set(entry.ranges);
      for (const range of ranges) if (!had.has(range)) entry.highlight.add(range);
      entry.ranges = ranges;
      if (this.registry.get(name) !== entry.highlight) this.registry.set(name, entry.highlight);
    }
    if (this.active && !this.rangesOfItem.has(this.active)) this.setActive(undefined);
  }

  /** The claim whose card is open gets a stronger fill on top of its tier's. */
  setActive(item: T | undefined): void {
    this.active = item;
    this.registry.delete(ACTIVE_HIGHLIGHT);
    const ranges = item ? this.rangesOfItem.get(item) : undefined;
    if (!ranges) return;
    const highlight = new this.HighlightCtor(...ranges);
    highlight.priority = 1;
    this.registry.set(ACTIVE_HIGHLIGHT, highlight);
  }

  clear(): void {
    for (const name of this.highlights.keys()) this.registry.delete(name);
    this.registry.delete(ACTIVE_HIGHLIGHT);
    this.highlights.clear();
    this.itemOfRange.clear();
    this.rangesOfItem.clear();
    this.byNode.clear();
    this.shadowRoots.clear();
    this.active = undefined;
  }

  /**
   * The registry is shared with the page's scripts. If the page deleted, replaced or added to one of our
   * highlights, put back exactly ours. Returns whether anything had to be repaired.
   */
  repair(): boolean {
    let repaired = false;
    for (const [name, entry] of this.highlights) {
      if (this.registry.get(name) === entry.highlight && entry.highlight.size === entry.ranges.length)
        continue;
      entry.highlight.clear();
      for (const range of entry.ranges) entry.highlight.add(range);
      this.registry.set(name, entry.highlight);
      repaired = true;
    }
    if (this.active && this.registry.get(ACTIVE_HIGHLIGHT) === undefined) {
      this.setActive(this.active);
      repaired = true;
    }
    // Our names are ours: a highlight the page registers under one would be painted as one of our tiers.
    for (const name of [...this.registry.keys()]) {
      if (!name.startsWith(HIGHLIGHT_PREFIX) || this.highlights.has(name)) continue;
      if (name === ACTIVE_HIGHLIGHT && this.active) continue;
      this.registry.delete(name);
      repaired = true;
    }
    return repaired;
  }

  /** The labeled item under a viewport point, if any: only our own ranges count, never the page's. */
  itemAt(x: number, y: number): T | undefined {
    const shadowRoots = [...this.shadowRoots];
    const fromPoint = this.registry.highlightsFromPoint;
    if (fromPoint) {
      for (const { ranges } of fromPoint.call(this.registry, x, y, { shadowRoots })) {
        for (const range of ranges) {
          const item = this.itemOfRange.get(range);
          if (item) return item;
        }
      }
      return undefined;
    }
    const caret = caretAt(this.doc, x, y, shadowRoots);
    if (!caret) return undefined;
    for (const hit of this.byNode.get(caret.node as Text) ?? []) {
      if (caret.offset < hit.from || caret.offset > hit.to) continue;
      // The caret snaps to the nearest character; make sure the point is really over the words.
      if (this.rectsOf(hit.item).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom))
        return hit.item;
    }
    return undefined;
  }

  /** Where an item is on screen now (a live Range only for the measurement, then dropped). */
  rectsOf(item: T): DOMRect[] {
    const rects: DOMRect[] = [];
    for (const span of item.spans) {
      if (!span.node.isConnected) continue;
      const range = this.doc.createRange();
      const length = span.node.data.length;
      range.setStart(span.node, Math.min(span.from, length));
      range.setEnd(span.node, Math.min(span.to, length));
      for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
    }
    return rects;
  }

  /** How many ranges are painted: for tests and the benchmark. */
  get rangeCount(): number {
    return this.itemOfRange.size;
  }
}

function rangeKey(
  name: string,
  r: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
): string {
  return `${name}:${nodeId(r.startContainer)}:${r.startOffset}:${r.endOffset}`;
}

/** A number per text node, so ranges can be keyed without holding on to nodes in strings. */
const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;
function nodeId(node: Node): number {
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = nextNodeId++;
    nodeIds.set(node, id);
  }
  return id;
}

function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | undefined {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const position = withPosition.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = withPosition.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
