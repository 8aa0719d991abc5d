import { isSkippedElement } from './skip-rules';
import { addFigureLabels, addTableHeaders, newTableMemo } from './table-headers';
import { INVISIBLE_FORMAT_CHARS } from './text-spans';

export { findArticleRoot } from './article-root';
export { isSkippedElement } from './skip-rules';

/**
 * Reads the article text of a page as blocks of text-node concatenations, so the matcher can work on plain
 * strings and the highlighter can map any [start, end) of a block back to DOM text nodes.
 *
 * Everything here is pure DOM and layout-free: no innerText, no getComputedStyle. Hidden content is only
 * recognised by attributes (hidden, aria-hidden, inline style), which is what a content script can afford
 * on every news page. Open shadow roots are read where their host sits.
 */

export interface TextNodeSlice {
  node: Text;
  /** Offset of the node's first kept character in the block's text. */
  start: number;
  /**
   * The node's length when it was read. Labeling maps hundreds of sentences onto their nodes; reading each
   * node's text again from a content script's isolated world would copy it every time.
   */
  length: number;
  /**
   * Node offsets of invisible format characters (word joiner, zero-width space, soft hyphen...) left out of
   * the block's text, ascending. Absent when there are none; see text-spans.ts for the mapping.
   */
  dropped?: number[];
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'other';

export interface TextBlock {
  /** The block container: p, li, h1-h6, td, th, blockquote, dd, figcaption, or a div/section with direct text. */
  element: Element;
  kind: BlockKind;
  /**
   * The nodes' data concatenated, never whitespace-collapsed, minus invisible format characters, so every
   * offset maps onto the DOM (text-spans.ts).
   */
  text: string;
  nodes: TextNodeSlice[];
  /**
   * Offsets in `text` where the rendered text breaks although no character says so: a `<br>`, or a nested
   * block (a list inside a list item) between two runs of this block's text. Sorted, unique, never 0 or
   * text.length. Absent when there are none.
   */
  breaks?: number[];
  /** Table cells only: the row's header cell text (th[scope=row], else the row's first cell), collapsed. */
  rowHeader?: string;
  /** Table cells only: the column's header cell text (first thead row, else the table's first row), collapsed. */
  columnHeader?: string;
  /** Bare figures only ("40%"): the caption beside it in the same tile ("Memory Reduction"). */
  label?: string;
  /** Table header cells (th): they name a field rather than state anything. */
  tableHeader?: boolean;
}

export interface ExtractOptions {
  /** Extra exclusion on top of isSkippedElement; a skipped element's whole subtree is left out. */
  skip?: (el: Element) => boolean;
}

/** Tags that start a block of their own, with the kind the matcher sees. */
const BLOCK_KINDS = new Map<string, BlockKind>([
  ['p', 'paragraph'],
  ['h1', 'heading'],
  ['h2', 'heading'],
  ['h3', 'heading'],
  ['h4', 'heading'],
  ['h5', 'heading'],
  ['h6', 'heading'],
  ['li', 'list-item'],
  ['td', 'table-cell'],
  ['th', 'table-cell'],
  ['blockquote', 'other'],
  ['dd', 'other'],
  ['dt', 'other'],
  ['figcaption', 'other'],
  ['caption', 'other'],
  ['summary', 'other'],
  ['address', 'other'],
  ['legend', 'other'],
]);

/**
 * Block-level containers. Text sitting directly in one of these forms a block of that container, and a
 * container inside a block (a list inside a list item) interrupts the outer block's text.
 * Everything else, including unknown and custom elements, is treated as inline.
 */
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'body',
  'header',
  'hgroup',
  'figure',
  'details',
  'dialog',
  'center',
  'ul',
  'ol',
  'menu',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'fieldset',
]);

/**
 * The elements that can host a shadow root (the DOM standard's list for attachShadow), besides custom
 * elements: only these are asked for one, which spares a property read on every link and emphasis.
 */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

function isBlockLevel(tag: string): boolean {
  return BLOCK_KINDS.has(tag) || CONTAINER_TAGS.has(tag);
}

/** The element a node belongs to, crossing from a shadow root's top level to its host. */
export function parentElementOf(node: Node): Element | null {
  if (node.parentElement !== null) return node.parentElement;
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  return parent?.host ?? null;
}

/** Moves the walker past the current node's subtree and returns the next node in document order, if any. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

function addBreak(block: TextBlock, offset: number): void {
  if (offset === 0) return;
  if (block.breaks === undefined) block.breaks = [];
  if (block.breaks[block.breaks.length - 1] !== offset) block.breaks.push(offset);
}

/**
 * Appends a text node to a block, leaving invisible format characters out of the block's text. `data` is the
 * node's text, read once by the caller: each read from a content script's isolated world copies it.
 */
function appendText(block: TextBlock, node: Text, data: string): void {
  const slice: TextNodeSlice = { node, start: block.text.length, length: data.length };
  // search(), not test(): a global regex's test() moves lastIndex, and matchAll would start from there.
  if (data.search(INVISIBLE_FORMAT_CHARS) !== -1) {
    const dropped: number[] = [];
    for (const match of data.matchAll(INVISIBLE_FORMAT_CHARS)) dropped.push(match.index);
    slice.dropped = dropped;
    block.text += data.replace(INVISIBLE_FORMAT_CHARS, '');
  } else {
    block.text += data;
  }
  block.nodes.push(slice);
}

const HAS_VISIBLE_CHAR = /\S/;

// DOM constants by value: the same code runs in Node (the scan command, with happy-dom) where the
// NodeFilter and Node globals do not exist.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

/**
 * Splits the text under root into blocks, in document order of each block's first text.
 *
 * One TreeWalker pass over elements and text: an excluded element is tested once and its whole subtree is
 * jumped over, so the cost follows the number of visited nodes and never re-tests ancestors per text node.
 */
export function extractBlocks(root: Element, options: ExtractOptions = {}): TextBlock[] {
  const steps = extractBlocksInSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Nodes visited between two steps of extractBlocksInSteps: a fraction of a millisecond of work. */
const NODES_PER_STEP = 400;

/**
 * The same pass, pausable every few hundred nodes so a long article is read in slices (the caller
 * yields to the page between steps and checks afterwards that the blocks are still in the document).
 */
export function* extractBlocksInSteps(
  root: Element,
  options: ExtractOptions = {},
): Generator<void, TextBlock[]> {
  const doc = root.ownerDocument;
  const extraSkip = options.skip;
  const blocks: TextBlock[] = [];
  const blockByElement = new Map<Element, TextBlock>();
  // Memo of each element's nearest block-level ancestor-or-self, so text nodes in deep inline markup
  // resolve their block in amortised constant time.
  const blockElementOf = new Map<Element, Element>();

  const resolveBlockElement = (el: Element): Element => {
    const path: Element[] = [];
    let current: Element = el;
    let found: Element | undefined;
    for (;;) {
      found = blockElementOf.get(current);
      if (found !== undefined) break;
      const parent = parentElementOf(current);
      if (current === root || isBlockLevel(current.localName) || parent === null) {
        found = current;
        break;
      }
      path.push(current);
      current = parent;
    }
    for (const visited of path) blockElementOf.set(visited, found);
    blockElementOf.set(current, found);
    return found;
  };

  // The block that received the previous text node; when text returns to a block after another block had
  // text in between, a nested block interrupted it and the rendering has a line break there.
  let previousBlock: TextBlock | null = null;

  let visited = 0;
  function* walk(scope: Node): Generator<void, void> {
    const walker = doc.createTreeWalker(scope, SHOW_ELEMENT | SHOW_TEXT);
    let node = walker.nextNode();
    while (node !== null) {
      if (++visited % NODES_PER_STEP === 0) yield;
      if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        const tag = el.localName;
        if (isSkippedElement(el, tag) || (extraSkip?.(el) ?? false)) {
          node = skipSubtree(walker);
          continue;
        }
        if (tag === 'br') {
          const parent = parentElementOf(el);
          const block = parent === null ? undefined : blockByElement.get(resolveBlockElement(parent));
          if (block !== undefined) addBreak(block, block.text.length);
        }
        // An open shadow root renders in its host's place: read it there (closed ones stay private).
        const shadow =
          SHADOW_HOSTS.has(tag) || tag.includes('-')
            ? (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot
            : null;
        if (shadow) yield* walk(shadow);
        node = walker.nextNode();
        continue;
      }

      const text = node as Text;
      const data = text.data;
      const blockElement = resolveBlockElement(parentElementOf(text) ?? root);
      let block = blockByElement.get(blockElement);
      if (block === undefined) {
        // The line breaks between tags (and indentation) would open a block for every container, to be
        // thrown away at the end as blank: a block starts at its first visible character.
        if (!HAS_VISIBLE_CHAR.test(data)) {
          node = walker.nextNode();
          continue;
        }
        block = {
          element: blockElement,
          kind: BLOCK_KINDS.get(blockElement.localName) ?? 'other',
          text: '',
          nodes: [],
        };
        blockByElement.set(blockElement, block);
        blocks.push(block);
      } else if (previousBlock !== block && previousBlock !== null) {
        addBreak(block, block.text.length);
      }
      appendText(block, text, data);
      previousBlock = block;
      node = walker.nextNode();
    }
  }
  yield* walk(root);

  const visible = blocks.filter((block) => HAS_VISIBLE_CHAR.test(block.text));
  const tables = newTableMemo();
  for (const block of visible) {
    if (block.breaks !== undefined) {
      // A break at the very end separates nothing.
      const length = block.text.length;
      block.breaks = block.breaks.filter((offset) => offset < length);
      if (block.breaks.length === 0) delete block.breaks;
    }
    if (block.kind === 'table-cell') {
      addTableHeaders(block, tables);
      if (block.element.localName === 'th') block.tableHeader = true;
    }
  }
  addFigureLabels(visible);
  return visible;
}
