import type { TextBlock, TextNodeSlice } from './extract';

/**
 * Wraps character ranges of extracted blocks in our own inline element and takes them out again without a
 * trace. The approach follows the Hypothesis client's highlighter: split text nodes at the range ends,
 * wrap runs of adjacent text nodes in a custom element, and leave whitespace-only runs alone.
 *
 * Unlike a plain unwrap + normalize(), removal re-joins only the text nodes this module split, into the
 * page's original node, so the page's own text node structure (and any reference it holds to its nodes)
 * survives a highlight/remove cycle.
 */

export const MARK_TAG = 'claim-lens-mark';

const OWN_ELEMENT_PREFIX = 'claim-lens-';

export interface HighlightHandle {
  id: string;
  /** The mark elements in document order; the first with visible text carries tabindex="0". */
  elements: HTMLElement[];
}

/**
 * The pieces split from one original text node form a chain; a piece is merged back into its predecessor
 * once both are plain siblings again. The predecessor side always survives, so the page's original node is
 * the one left at the end.
 */
const previousPiece = new WeakMap<Text, Text>();
const nextPiece = new WeakMap<Text, Text>();

/** The slice list a text node was last seen in, so merging can keep a block's `nodes` valid for reuse. */
const sliceListOf = new WeakMap<Text, TextNodeSlice[]>();

/** Text nodes we split off, moved into or out of a mark, or merged, for telling our mutations apart. */
const ownTextNodes = new WeakSet<Text>();

/**
 * The data we last left in a text node. A characterData record is ours only while the node still holds
 * what we wrote; if the page rewrote it since, the record must reach the observer.
 */
const dataWeWrote = new WeakMap<Text, string>();

/**
 * Runs of whitespace-only text are never wrapped: such text usually sits between elements, where a new
 * element is invalid (directly in a tr, ul or table, which the parser would foster-parent) or changes
 * layout (a flex or grid container would gain an extra item). Checking the parent's computed display would
 * cost a style pass, so these runs are skipped everywhere; the price is an unmarked space now and then.
 */
const WHITESPACE_ONLY = /^\s*$/;

function noteOwnData(node: Text): void {
  ownTextNodes.add(node);
  dataWeWrote.set(node, node.data);
}

/** Splits node at offset, keeps the piece chain and the slice list in step, and returns the new tail. */
function splitPiece(slices: TextNodeSlice[], index: number, offset: number): Text {
  const slice = slices[index]!;
  const head = slice.node;
  const tail = head.splitText(offset);

  const oldNext = nextPiece.get(head);
  if (oldNext !== undefined) {
    previousPiece.set(oldNext, tail);
    nextPiece.set(tail, oldNext);
  }
  nextPiece.set(head, tail);
  previousPiece.set(tail, head);

  noteOwnData(head);
  noteOwnData(tail);
  sliceListOf.set(head, slices);
  sliceListOf.set(tail, slices);
  slices.splice(index + 1, 0, { node: tail, start: slice.start + offset });
  return tail;
}

/**
 * Wraps exactly [start, end) of the block's text. Returns null when the range is empty after clamping or
 * holds only whitespace. The block's `nodes` are updated in place for the split text nodes, so further
 * calls on the same block (several claims in one paragraph) keep working without re-extracting.
 */
export function highlightRange(
  block: Pick<TextBlock, 'nodes'>,
  start: number,
  end: number,
  attributes: Record<string, string>,
  id: string,
): HighlightHandle | null {
  const slices = block.nodes;
  const from = Math.max(0, start);
  if (!(end > from)) return null;

  // Isolate the range: after this loop every text node overlapping [from, end) lies entirely inside it.
  const pieces: Text[] = [];
  for (let i = 0; i < slices.length; i++) {
    const slice = slices[i]!;
    const sliceEnd = slice.start + slice.node.data.length;
    if (sliceEnd <= from || slice.node.data.length === 0) continue;
    if (slice.start >= end) break;
    if (slice.node.parentNode === null) continue;
    if (slice.start < from) {
      // The head stays where it is; continue with the tail, which now sits at index i + 1.
      splitPiece(slices, i, from - slice.start);
      continue;
    }
    if (sliceEnd > end) splitPiece(slices, i, end - slice.start);
    pieces.push(slices[i]!.node);
  }

  // Runs of pieces that are adjacent siblings share one mark; a run of whitespace only gets none.
  const runs: Text[][] = [];
  for (const piece of pieces) {
    const run = runs[runs.length - 1];
    if (run !== undefined && run[run.length - 1]!.nextSibling === piece) run.push(piece);
    else runs.push([piece]);
  }

  const elements: HTMLElement[] = [];
  const unwrapped: Text[] = [];
  for (const run of runs) {
    if (run.every((piece) => WHITESPACE_ONLY.test(piece.data))) {
      unwrapped.push(...run);
      continue;
    }
    const first = run[0]!;
    const parent = first.parentNode!;
    const mark = first.ownerDocument.createElement(MARK_TAG);
    for (const [name, value] of Object.entries(attributes)) mark.setAttribute(name, value);
    mark.setAttribute('data-highlight-id', id);
    parent.insertBefore(mark, first);
    for (const piece of run) {
      ownTextNodes.add(piece);
      mark.appendChild(piece);
    }
    elements.push(mark);
  }
  // A skipped run may have been split off for nothing; join it back now that the marks hold their pieces.
  for (const piece of unwrapped) {
    if (piece.parentNode !== null) rejoin(piece);
  }
  if (elements.length === 0) return null;

  // One tab stop per highlight, on its first visible element, so keyboard users reach each claim once.
  elements[0]!.setAttribute('tabindex', '0');
  return { id, elements };
}

/** Merges piece `later` into `earlier` (its predecessor), which keeps its identity and its slice. */
function mergePieces(earlier: Text, later: Text): void {
  earlier.appendData(later.data);
  noteOwnData(earlier);
  later.remove();

  const afterLater = nextPiece.get(later);
  if (afterLater !== undefined) {
    nextPiece.set(earlier, afterLater);
    previousPiece.set(afterLater, earlier);
  } else {
    nextPiece.delete(earlier);
  }
  nextPiece.delete(later);
  previousPiece.delete(later);

  const slices = sliceListOf.get(later);
  if (slices !== undefined) {
    const index = slices.findIndex((slice) => slice.node === later);
    if (index !== -1) slices.splice(index, 1);
  }
}

/** Re-joins a piece with its chain neighbours wherever they are plain siblings again. */
function rejoin(piece: Text): void {
  let node = piece;
  for (let earlier = previousPiece.get(node); earlier !== undefined; earlier = previousPiece.get(node)) {
    if (node.previousSibling !== earlier) break;
    mergePieces(earlier, node);
    node = earlier;
  }
  for (let later = nextPiece.get(node); later !== undefined; later = nextPiece.get(node)) {
    if (node.nextSibling !== later) break;
    mergePieces(node, later);
  }
}

/** Replaces a mark by its children and returns the text nodes that came out of it. */
function unwrap(mark: Element): Text[] {
  const parent = mark.parentNode;
  if (parent === null) return [];
  const released: Text[] = [];
  for (let child = mark.firstChild; child !== null; child = mark.firstChild) {
    if (child.nodeType === Node.TEXT_NODE) {
      ownTextNodes.add(child as Text);
      released.push(child as Text);
    }
    parent.insertBefore(child, mark);
  }
  mark.remove();
  return released;
}

function unwrapAll(marks: Iterable<Element>): void {
  const released: Text[] = [];
  for (const mark of marks) {
    if (mark.localName === MARK_TAG) released.push(...unwrap(mark));
  }
  // Re-join only after every mark is gone: two pieces only become siblings again once both are out.
  for (const piece of released) {
    if (piece.parentNode !== null) rejoin(piece);
  }
}

/** Removes one highlight; safe to call twice or after removeAllHighlights. */
export function removeHighlight(handle: HighlightHandle): void {
  unwrapAll(handle.elements);
}

/** Removes every highlight under root (root itself is never a mark we made, so it is not inspected). */
export function removeAllHighlights(root: ParentNode): void {
  unwrapAll(Array.from(root.querySelectorAll(MARK_TAG)));
}

function isOwnNode(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return ownTextNodes.has(node as Text);
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith(OWN_ELEMENT_PREFIX);
}

/**
 * Whether a MutationRecord comes only from our own DOM work (marks going in or out, text nodes we split or
 * re-joined, our elements' attributes), so a MutationObserver watching for new page content can ignore it.
 * A page change that only removes our things may be classed as ours too; removals never bring new claims.
 */
export function isOwnMutation(record: MutationRecord): boolean {
  switch (record.type) {
    case 'childList': {
      for (const node of record.addedNodes) if (!isOwnNode(node)) return false;
      for (const node of record.removedNodes) if (!isOwnNode(node)) return false;
      return true;
    }
    case 'characterData': {
      const target = record.target;
      return (
        target.nodeType === Node.TEXT_NODE &&
        ownTextNodes.has(target as Text) &&
        dataWeWrote.get(target as Text) === (target as Text).data
      );
    }
    case 'attributes':
      return record.target.nodeType === Node.ELEMENT_NODE && isOwnNode(record.target);
    default:
      return false;
  }
}
