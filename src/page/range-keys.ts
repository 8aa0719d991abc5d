import type { TextSpan } from './text-spans';

/**
 * What the highlighter needs to know of a span's DOM: the bounds of its range (clamped to text the page
 * has since shortened) and a key that says two ranges cover the same text in the same highlight.
 */

export function boundsOf(span: TextSpan) {
  const length = span.node.data.length;
  return {
    startContainer: span.node,
    startOffset: Math.min(span.from, length),
    endContainer: span.node,
    endOffset: Math.min(span.to, length),
  };
}

export function rangeKey(
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
