/**
 * Reads the article text of a page as blocks of exact text-node concatenations, so the matcher can work on
 * plain strings and the highlighter can map any [start, end) of a block back to DOM text nodes.
 *
 * Everything here is pure DOM and layout-free: no innerText, no getComputedStyle. Hidden content is only
 * recognised by attributes (hidden, aria-hidden, inline style), which is what a content script can afford
 * on every news page.
 */

export interface TextNodeSlice {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'other';

export interface TextBlock {
  /** The block container: p, li, h1-h6, td, th, blockquote, dd, figcaption, or a div/section with direct text. */
  element: Element;
  kind: BlockKind;
  /** Exact concatenation of the nodes' data, never whitespace-collapsed, so offsets map 1:1 onto the DOM. */
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

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'nav',
  'aside',
  'footer',
  'form',
]);

/** ARIA equivalents of nav and aside on plain divs. */
const SKIPPED_ROLES = new Set(['navigation', 'complementary']);

const BOILERPLATE_NAME =
  /(^|[-_ ])(comments?|cookie|consent|share|social|related|newsletter|promo|advert|ads?|sponsor)([-_ ]|$)/i;

/**
 * Elements whose class/id is not trusted as a boilerplate signal: CMSs put taxonomy classes on them
 * (WordPress gives an article "category-social-media" or "tag-ads"), and skipping them would drop the story.
 */
const NAME_CHECK_EXEMPT = new Set(['article', 'main', 'body', 'html']);

/**
 * A header inside one of these is that section's header (the ARIA-in-HTML rule for when header is not a
 * banner landmark); in an article it holds the headline, which is exactly what we want to read.
 */
const HEADER_SCOPES = 'article, aside, main, nav, section';

const OWN_ELEMENT_PREFIX = 'claim-lens-';
const OWN_MARK_TAG = 'claim-lens-mark';

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/**
 * Whether an element (and so its subtree) is not article text. Looks at this element only, never its
 * ancestors, and reads only attributes, so it is cheap enough to run once per element of a page.
 */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  // A header is site chrome (a banner) unless a sectioning element scopes it, as in
  // <article><header><h1>Headline</h1></header>, where it holds the headline we must read.
  if (tag === 'header') return el.parentElement?.closest(HEADER_SCOPES) == null;
  // Our own UI (the card host and the like) is not page text; our marks wrap page text and are.
  if (tag.startsWith(OWN_ELEMENT_PREFIX)) return tag !== OWN_MARK_TAG;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDING_STYLE.test(style)) return true;
  if (!NAME_CHECK_EXEMPT.has(tag)) {
    // getAttribute, not className: on SVG elements className is an SVGAnimatedString.
    const cls = el.getAttribute('class');
    if (cls !== null && BOILERPLATE_NAME.test(cls)) return true;
    if (el.id !== '' && BOILERPLATE_NAME.test(el.id)) return true;
  }
  return false;
}

const PREFERRED_ROOT_SELECTORS = ['article', '[itemprop=articleBody]', 'main', '[role=main]'];

/**
 * A semantic root must hold at least this share of the page's readable paragraph text. Below it, an
 * <article> is a teaser card or one of many posts, and a wider root (main, or the paragraph-richest
 * container) reads the story better.
 */
const MIN_ROOT_SHARE = 0.4;

function trimmedLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}

/**
 * The container of the article: the first of article, [itemprop=articleBody], main, [role=main] whose best
 * candidate holds enough of the page's paragraph text; else the element with most paragraph text (credited
 * to each paragraph's parent, half to its grandparent, so a story split over sibling wrappers lands on their
 * common parent); else body. Paragraphs and candidates inside excluded chrome (aside, nav, comments,
 * related, hidden...) never count, so a sidebar is never chosen.
 */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;

  const exclusion = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    if (el === body) return false;
    const known = exclusion.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const excluded = isSkippedElement(el) || (parent !== null && isExcluded(parent));
    exclusion.set(el, excluded);
    return excluded;
  };

  // Readable paragraph text inside each element, and the parent/grandparent score for the fallback.
  const paragraphText = new Map<Element, number>();
  const containerScore = new Map<Element, number>();
  let totalParagraphText = 0;
  for (const p of body.querySelectorAll('p')) {
    if (isExcluded(p)) continue;
    const length = trimmedLength(p);
    if (length === 0) continue;
    totalParagraphText += length;
    for (let ancestor = p.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
      paragraphText.set(ancestor, (paragraphText.get(ancestor) ?? 0) + length);
      if (ancestor === body) break;
    }
    const parent = p.parentElement;
    if (parent === null) continue;
    containerScore.set(parent, (containerScore.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent !== null && parent !== body) {
      containerScore.set(grandparent, (containerScore.get(grandparent) ?? 0) + length / 2);
    }
  }

  for (const selector of PREFERRED_ROOT_SELECTORS) {
    let best: Element | null = null;
    let bestParagraphs = -1;
    let bestLength = -1;
    for (const candidate of body.querySelectorAll(selector)) {
      if (isExcluded(candidate)) continue;
      const paragraphs = paragraphText.get(candidate) ?? 0;
      if (paragraphs < bestParagraphs) continue;
      // Ties (typically no paragraphs at all) go to the candidate with more text.
      const length = trimmedLength(candidate);
      if (paragraphs > bestParagraphs || length > bestLength) {
        best = candidate;
        bestParagraphs = paragraphs;
        bestLength = length;
      }
    }
    if (best === null) continue;
    const enough =
      totalParagraphText > 0 ? bestParagraphs >= totalParagraphText * MIN_ROOT_SHARE : bestLength > 0;
    if (enough) return best;
  }

  let bestContainer: Element = body;
  let bestScore = 0;
  for (const [el, score] of containerScore) {
    if (score > bestScore) {
      bestScore = score;
      bestContainer = el;
    }
  }
  return bestContainer;
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

function isBlockLevel(tag: string): boolean {
  return BLOCK_KINDS.has(tag) || CONTAINER_TAGS.has(tag);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function rowCells(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of row.children) {
    if (child.localName === 'td' || child.localName === 'th') cells.push(child);
  }
  return cells;
}

function columnSpan(cell: Element): number {
  const span = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(span) && span > 0 ? span : 1;
}

/** The cell of a row covering a column index, counting colspans (rowspans are not modelled). */
function cellAtColumn(row: Element, column: number): Element | null {
  let index = 0;
  for (const cell of rowCells(row)) {
    const span = columnSpan(cell);
    if (column < index + span) return cell;
    index += span;
  }
  return null;
}

function firstRow(section: Element): Element | null {
  for (const child of section.children) {
    if (child.localName === 'tr') return child;
  }
  return null;
}

/** The row whose cells name the columns: the first thead row, else the table's first row. */
function columnHeaderRow(table: Element): Element | null {
  for (const child of table.children) {
    if (child.localName === 'thead') return firstRow(child);
  }
  for (const child of table.children) {
    if (child.localName === 'tr') return child;
    if (child.localName === 'tbody' || child.localName === 'tfoot') {
      const row = firstRow(child);
      if (row !== null) return row;
    }
  }
  return null;
}

function addTableHeaders(block: TextBlock): void {
  const cell = block.element;
  const row = cell.parentElement;
  if (row === null || row.localName !== 'tr') return;
  const section = row.parentElement;
  const table = section?.localName === 'table' ? section : section?.parentElement;
  if (table == null || table.localName !== 'table') return;

  // Cells of the header row name columns; giving them a row or column header would only add noise.
  const headerRow = columnHeaderRow(table);
  if (row === headerRow || section?.localName === 'thead') return;

  const cells = rowCells(row);
  const rowHeaderCell =
    cells.find((c) => c.localName === 'th' && c.getAttribute('scope') === 'row') ?? cells[0];
  if (rowHeaderCell !== undefined && rowHeaderCell !== cell) {
    const text = collapse(rowHeaderCell.textContent ?? '');
    if (text !== '') block.rowHeader = text;
  }

  if (headerRow !== null) {
    let column = 0;
    for (const c of cells) {
      if (c === cell) break;
      column += columnSpan(c);
    }
    const headerCell = cellAtColumn(headerRow, column);
    if (headerCell !== null) {
      const text = collapse(headerCell.textContent ?? '');
      if (text !== '') block.columnHeader = text;
    }
  }
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

const HAS_VISIBLE_CHAR = /\S/;

/**
 * Splits the text under root into blocks, in document order of each block's first text.
 *
 * One TreeWalker pass over elements and text: an excluded element is tested once and its whole subtree is
 * jumped over, so the cost follows the number of visited nodes and never re-tests ancestors per text node.
 */
// DOM constants by value: the same code runs in Node (the scan command, with happy-dom) where the
// NodeFilter and Node globals do not exist.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

export function extractBlocks(root: Element, options: ExtractOptions = {}): TextBlock[] {
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
      if (current === root || isBlockLevel(current.localName) || current.parentElement === null) {
        found = current;
        break;
      }
      path.push(current);
      current = current.parentElement;
    }
    for (const visited of path) blockElementOf.set(visited, found);
    blockElementOf.set(current, found);
    return found;
  };

  // The block that received the previous text node; when text returns to a block after another block had
  // text in between, a nested block interrupted it and the rendering has a line break there.
  let previousBlock: TextBlock | null = null;

  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  let node = walker.nextNode();
  while (node !== null) {
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (isSkippedElement(el) || (extraSkip?.(el) ?? false)) {
        node = skipSubtree(walker);
        continue;
      }
      if (el.localName === 'br') {
        const parent = el.parentElement;
        const block = parent === null ? undefined : blockByElement.get(resolveBlockElement(parent));
        if (block !== undefined) addBreak(block, block.text.length);
      }
      node = walker.nextNode();
      continue;
    }

    const text = node as Text;
    const blockElement = resolveBlockElement(text.parentElement ?? root);
    let block = blockByElement.get(blockElement);
    if (block === undefined) {
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
    block.nodes.push({ node: text, start: block.text.length });
    block.text += text.data;
    previousBlock = block;
    node = walker.nextNode();
  }

  const visible = blocks.filter((block) => HAS_VISIBLE_CHAR.test(block.text));
  for (const block of visible) {
    if (block.breaks !== undefined) {
      // A break at the very end separates nothing.
      const length = block.text.length;
      block.breaks = block.breaks.filter((offset) => offset < length);
      if (block.breaks.length === 0) delete block.breaks;
    }
    if (block.kind === 'table-cell') {
      addTableHeaders(block);
      if (block.element.localName === 'th') block.tableHeader = true;
    }
  }
  addFigureLabels(visible);
  return visible;
}

/** A bare figure: "40%", "1M+", "10-40×", "$0.27", "1T". */
const BARE_FIGURE = /^\s*[~≈<>$]?\d[\d.,]*(\s?[-–—]\s?\d[\d.,]*)?\s?[%×xKMBTkmbt]?\+?\s*$/u;

/**
 * Infographic tiles put a figure and its caption in sibling blocks ("40%" over "Memory Reduction"). The
 * caption is what the figure means, so it travels with the figure as its label, like a table row header.
 */
function addFigureLabels(blocks: TextBlock[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const figure = blocks[i]!;
    const caption = blocks[i + 1]!;
    if (!BARE_FIGURE.test(figure.text) || figure.kind === 'table-cell') continue;
    const captionText = caption.text.replace(/\s+/g, ' ').trim();
    if (captionText.length > 40 || /\d/.test(captionText)) continue;
    if (figure.element.parentElement !== caption.element.parentElement) continue;
    figure.label = captionText;
  }
}
