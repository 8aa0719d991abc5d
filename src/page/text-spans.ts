import type { TextBlock, TextNodeSlice } from './extract';

/**
 * Maps block offsets back to the page's text nodes. Blocks leave out invisible format characters (word
 * joiners, zero-width spaces, soft hyphens...), so a node's offsets can run ahead of the block's; each
 * slice records where it dropped one, and the mapping steps over them.
 */

/** Characters that render as nothing (or only at a line end) and break words apart for matching. */
export const INVISIBLE_FORMAT_CHARS =
  /\u180b|\u180c|\u180d|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** One piece of one text node: [from, to) in node offsets. */
export interface TextSpan {
  node: Text;
  from: number;
  to: number;
}

/** Length of a slice's contribution to the block's text. */
export function sliceLength(slice: TextNodeSlice): number {
  return slice.length - (slice.dropped?.length ?? 0);
}

/** The node offset of a block offset that falls inside (or at the end of) a slice. */
export function nodeOffset(slice: TextNodeSlice, blockOffset: number): number {
  let offset = blockOffset - slice.start;
  for (const dropped of slice.dropped ?? []) {
    if (dropped <= offset) offset++;
    else break;
  }
  return Math.min(offset, slice.length);
}

const VISIBLE_CHAR = /\S/;

/**
 * The text-node pieces that hold [start, end) of the block's text, in document order. Nothing in the DOM
 * changes; the spans are what the highlighter paints. Empty when the range is empty or out of the block.
 * `dropBlank` leaves out pieces that are only whitespace (the space between two links), judged on the
 * block's text: reading the node's own text from a content script's isolated world would copy it.
 */
export function spansFor(
  block: Pick<TextBlock, 'nodes' | 'text'>,
  start: number,
  end: number,
  { dropBlank = false } = {},
): TextSpan[] {
  const spans: TextSpan[] = [];
  const from = Math.max(0, start);
  if (!(end > from)) return spans;
  const { nodes } = block;
  // The last slice starting at or before `from` (slices are in text order): a long block holds many.
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (nodes[middle]!.start <= from) low = middle;
    else high = middle - 1;
  }
  for (let i = low; i < nodes.length; i++) {
    const slice = nodes[i]!;
    const length = sliceLength(slice);
    const sliceEnd = slice.start + length;
    if (sliceEnd <= from || length === 0) continue;
    if (slice.start >= end) break;
    const blockFrom = Math.max(from, slice.start);
    const blockTo = Math.min(end, sliceEnd);
    if (dropBlank && !VISIBLE_CHAR.test(block.text.slice(blockFrom, blockTo))) continue;
    const a = nodeOffset(slice, blockFrom);
    const b = nodeOffset(slice, blockTo);
    if (b > a) spans.push({ node: slice.node, from: a, to: b });
  }
  return spans;
}
