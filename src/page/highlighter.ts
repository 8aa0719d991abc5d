import type { Tier } from '../core/pack/schema';
import { caretAt } from './caret';
import { parentElementOf } from './extract';
import {
  ACTIVE_HIGHLIGHT,
  type Emphasis,
  HIGHLIGHT_PREFIX,
  highlightName,
  type PageTheme,
} from './mark-styles';
import { type NearViewport, watchNearViewport } from './near-viewport';
import { boundsOf, rangeKey } from './range-keys';
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
  /** Items wanted but not painted yet, by the element whose coming near paints them, with their highlight. */
  private waiting = new Map<Element, { item: T; name: string }[]>();
  private readonly near: NearViewport | undefined;

  constructor(private readonly doc: Document) {
    const view = doc.defaultView as unknown as HighlightWindow;
    this.registry = view.CSS!.highlights!;
    this.HighlightCtor = view.Highlight!;
    this.StaticRangeCtor = view.StaticRange!;
    // Each sentence is painted when its text comes near the viewport (where the browser can tell), not
    // all at once: on a long article most highlights are far off screen, and every range added costs
    // the browser paint work. Painted ranges stay painted.
    this.near = watchNearViewport(doc.defaultView, (elements) => this.paintNear(elements));
  }

  /**
   * Paints exactly these items, replacing what was painted (what is not painted yet is painted when it
   * comes near the viewport). Linear in the number of spans, and a range that is painted already (same node,
   * offsets and highlight) is kept as it is: every change to a highlight makes the browser repaint its
   * text, which on a very long text node is not free.
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
    this.itemOfRange = new Map();
    this.rangesOfItem = new Map();
    this.byNode = new Map();
    this.shadowRoots = new Set();
    this.near?.reset();
    this.waiting = new Map();
    let made = 0;
    for (const item of items) {
      if (++made % ITEMS_PER_PAINT_STEP === 0) yield;
      const name = highlightName(item.tier, item.emphasis, theme);
      const first = item.spans[0];
      // Painted already (a rescan of the same text): keep it. Else wait until it comes near. The first
      // paint of a page has nothing to keep: no keys to make (each reads the node's text).
      const painted =
        first !== undefined && previous.size > 0 && previous.has(rangeKey(name, boundsOf(first)));
      const target = first && this.near && !painted ? parentElementOf(first.node) : null;
      if (target) {
        const list = this.waiting.get(target);
        if (list) list.push({ item, name });
        else this.waiting.set(target, [{ item, name }]);
        continue;
      }
      const list = next.get(name) ?? [];
      next.set(name, list);
      list.push(...this.rangesFor(item, previous, name));
    }
    // Ranges no longer wanted leave their highlight; new ones join; empty highlights leave the registry.
    for (const [name, entry] of this.highlights) {
      const wanted = new Set(next.get(name) ?? []);
      for (const range of entry.ranges) if (!wanted.has(range)) entry.highlight.delete(range);
      entry.ranges = entry.ranges.filter((range) => wanted.has(range));
      if (wanted.size === 0) {
        this.registry.delete(name);
        this.highlights.delete(name);
      }
    }
    for (const [name, ranges] of next) this.addToHighlight(name, ranges);
    if (this.active && !this.rangesOfItem.has(this.active)) this.setActive(undefined);
    this.near?.watch(this.waiting.keys());
  }

  /** Paints what was waiting for these elements to come near. */
  private paintNear(elements: readonly Element[]): void {
    const next = new Map<string, AbstractRange[]>();
    for (const el of elements) {
      for (const { item, name } of this.waiting.get(el) ?? []) {
        const list = next.get(name) ?? [];
        next.set(name, list);
        list.push(...this.rangesFor(item, undefined, name));
      }
      this.waiting.delete(el);
    }
    for (const [name, ranges] of next) this.addToHighlight(name, ranges);
  }

  /** An item the reader is taken to (the popup, the shortcut) is painted now, wherever it is. */
  private ensurePainted(item: T): void {
    if (this.rangesOfItem.has(item)) return;
    const first = item.spans[0];
    const target = first ? parentElementOf(first.node) : null;
    const list = target ? this.waiting.get(target) : undefined;
    const index = list?.findIndex((w) => w.item === item) ?? -1;
    if (!list || index === -1) return;
    const [{ name }] = list.splice(index, 1) as [{ item: T; name: string }];
    this.addToHighlight(name, this.rangesFor(item, undefined, name));
  }

  /** The item's ranges (kept from `previous` where painted already), entered in the lookups. */
  private rangesFor(
    item: T,
    previous: Map<string, AbstractRange> | undefined,
    name: string,
  ): AbstractRange[] {
    const ranges: AbstractRange[] = [];
    for (const span of item.spans) {
      const bounds = boundsOf(span);
      // The first paint of a page has nothing to keep: no keys to make.
      const key = previous && previous.size > 0 ? rangeKey(name, bounds) : undefined;
      const range = (key !== undefined && previous!.get(key)) || new this.StaticRangeCtor(bounds);
      if (key !== undefined) previous!.delete(key);
      ranges.push(range);
      this.itemOfRange.set(range, item);
      const hits = this.byNode.get(span.node);
      if (hits) hits.push({ from: span.from, to: span.to, item });
      else this.byNode.set(span.node, [{ from: span.from, to: span.to, item }]);
      // A sentence can run into an open shadow root (the article reads it where its host sits).
      const root = span.node.getRootNode();
      if (root !== this.doc && 'host' in root) this.shadowRoots.add(root as ShadowRoot);
    }
    this.rangesOfItem.set(item, ranges);
    return ranges;
  }

  /** Ranges join their named highlight (made and registered when it is the first). */
  private addToHighlight(name: string, ranges: readonly AbstractRange[]): void {
    let entry = this.highlights.get(name);
    if (!entry) {
      entry = { highlight: new this.HighlightCtor(), ranges: [] };
      this.highlights.set(name, entry);
    }
    // Kept ranges are there already; `entry.ranges` lists what the highlight holds, in its order.
    const had = new Set(entry.ranges);
    for (const range of ranges) {
      if (had.has(range)) continue;
      entry.highlight.add(range);
      entry.ranges.push(range);
    }
    if (this.registry.get(name) !== entry.highlight) this.registry.set(name, entry.highlight);
  }

  /** The claim whose card is open gets a stronger fill on top of its tier's. */
  setActive(item: T | undefined): void {
    if (item) this.ensurePainted(item);
    this.active = item;
    this.registry.delete(ACTIVE_HIGHLIGHT);
    const ranges = item ? this.rangesOfItem.get(item) : undefined;
    if (!ranges) return;
    const highlight = new this.HighlightCtor(...ranges);
    highlight.priority = 1;
    this.registry.set(ACTIVE_HIGHLIGHT, highlight);
  }

  clear(): void {
    this.near?.reset();
    this.waiting.clear();
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

  /** How many ranges are painted: for tests and the benchmark (sentences still waiting are not). */
  get rangeCount(): number {
    return this.itemOfRange.size;
  }
}
