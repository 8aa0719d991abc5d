import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { extractBlocks, type TextBlock, type TextNodeSlice } from '../../src/page/extract';
import {
  type HighlightHandle,
  highlightRange,
  isOwnMutation,
  MARK_TAG,
  removeAllHighlights,
  removeHighlight,
} from '../../src/page/highlighter';

const ATTRS = { 'data-claim-id': 'v4-params', 'data-claim-tier': 'confirmed', 'data-claim-ids': 'v4-params' };

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

function onlyBlock(root: Element): TextBlock {
  const blocks = extractBlocks(root);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function markText(handle: HighlightHandle): string {
  return handle.elements.map((el) => el.textContent).join('');
}

function blockText(block: Pick<TextBlock, 'nodes'>): string {
  return block.nodes.map((slice) => slice.node.data).join('');
}

/** Slices must stay contiguous and exact after splitting and re-joining. */
function expectConsistent(block: Pick<TextBlock, 'nodes'>): void {
  let offset = 0;
  for (const slice of block.nodes) {
    expect(slice.start).toBe(offset);
    offset += slice.node.data.length;
  }
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlightRange', () => {
  it('wraps across element boundaries and restores the DOM exactly', () => {
    const root = mount('<p>DeepSeek has one <b>trillion</b> parameters, reportedly.</p>');
    const before = root.innerHTML;
    const originalNodes = textNodes(root);
    const block = onlyBlock(root);
    const start = block.text.indexOf('one');
    const end = block.text.indexOf(',');

    const handle = highlightRange(block, start, end, ATTRS, 'h1')!;
    expect(handle.id).toBe('h1');
    expect(handle.elements).toHaveLength(3);
    expect(handle.elements.map((el) => el.textContent)).toEqual(['one ', 'trillion', ' parameters']);
    expect(handle.elements[1]!.parentElement!.localName).toBe('b');
    expect(handle.elements.every((el) => el.localName === MARK_TAG)).toBe(true);
    expect(root.textContent).toBe('DeepSeek has one trillion parameters, reportedly.');
    expect(blockText(block)).toBe(block.text);
    expectConsistent(block);

    removeHighlight(handle);
    expect(root.innerHTML).toBe(before);
    // The page's own text nodes survive: same count and the very same objects.
    expect(textNodes(root)).toEqual(originalNodes);
    expect(textNodes(root).every((node, i) => node === originalNodes[i])).toBe(true);
    expect(block.nodes.map((slice) => slice.node)).toEqual(originalNodes);
  });

  it('puts the attributes on every element and tabindex on the first only', () => {
    const root = mount('<p>one <i>two</i> three</p>');
    const handle = highlightRange(onlyBlock(root), 0, 13, ATTRS, 'h-attrs')!;
    expect(handle.elements).toHaveLength(3);
    for (const el of handle.elements) {
      for (const [name, value] of Object.entries(ATTRS)) expect(el.getAttribute(name)).toBe(value);
      expect(el.getAttribute('data-highlight-id')).toBe('h-attrs');
    }
    expect(handle.elements.map((el) => el.getAttribute('tabindex'))).toEqual(['0', null, null]);
  });

  it('handles several highlights in one block, in any order, without re-extracting', () => {
    const root = mount(
      '<p>V4-Pro has <b>1.6T</b> total and <i>49B active</i> parameters at <a>$3.48</a>.</p>',
    );
    const before = root.innerHTML;
    const count = textNodes(root).length;
    const block = onlyBlock(root);
    const text = block.text;
    const ranges: Array<[string, number, number]> = [
      ['c', text.indexOf('$3.48'), text.indexOf('$3.48') + 5],
      ['a', 0, text.indexOf(' has')],
      ['b', text.indexOf('1.6T'), text.indexOf(' parameters')],
    ];
    const handles = ranges.map(([id, start, end]) => highlightRange(block, start, end, ATTRS, id)!);
    for (const [i, [, start, end]] of ranges.entries())
      expect(markText(handles[i]!)).toBe(text.slice(start, end));
    expect(blockText(block)).toBe(text);
    expectConsistent(block);

    removeHighlight(handles[2]!);
    const again = highlightRange(block, text.indexOf('49B'), text.indexOf('49B') + 3, ATTRS, 'd')!;
    expect(markText(again)).toBe('49B');

    removeAllHighlights(root);
    expect(root.innerHTML).toBe(before);
    expect(textNodes(root)).toHaveLength(count);
    expect(root.querySelector(MARK_TAG)).toBeNull();
    // Removing again is harmless.
    removeHighlight(handles[0]!);
    expect(root.innerHTML).toBe(before);
  });

  it('never splits text nodes the page itself kept separate, and never merges them', () => {
    const root = mount('<p></p>');
    const p = root.firstElementChild!;
    for (const data of ['Deep', 'Seek ', 'V4', ' is here']) p.appendChild(document.createTextNode(data));
    const block = onlyBlock(root);
    const handle = highlightRange(block, 0, 11, ATTRS, 'h')!;
    // Adjacent sibling text nodes share a single mark.
    expect(handle.elements).toHaveLength(1);
    expect(handle.elements[0]!.textContent).toBe('DeepSeek V4');
    removeAllHighlights(root);
    expect(Array.from(p.childNodes, (node) => (node as Text).data)).toEqual([
      'Deep',
      'Seek ',
      'V4',
      ' is here',
    ]);
  });

  it('skips whitespace-only pieces, so no mark lands directly in a table row or list', () => {
    const root = mount(
      '<table><tbody><tr>\n  <td>V4-Pro</td>\n  <td>1.6T</td>\n</tr></tbody></table><p><b>one</b> <i>two</i></p>',
    );
    const before = root.innerHTML;
    const row = root.querySelector('tr')!;
    // A hand-made block spanning two cells and the whitespace between them.
    const nodes: TextNodeSlice[] = [];
    let offset = 0;
    for (const node of textNodes(row)) {
      nodes.push({ node, start: offset });
      offset += node.data.length;
    }
    const handle = highlightRange({ nodes }, 0, offset, ATTRS, 'row')!;
    expect(handle.elements.map((el) => el.parentElement!.localName)).toEqual(['td', 'td']);
    expect(row.querySelectorAll(`:scope > ${MARK_TAG}`)).toHaveLength(0);

    const para = extractBlocks(root).find((b) => b.element.localName === 'p')!;
    const words = highlightRange(para, 0, 7, ATTRS, 'words')!;
    expect(words.elements.map((el) => el.textContent)).toEqual(['one', 'two']);

    expect(highlightRange(para, 3, 4, ATTRS, 'space')).toBeNull();
    expect(highlightRange(para, 2, 2, ATTRS, 'empty')).toBeNull();
    expect(highlightRange(para, 5, 1, ATTRS, 'reversed')).toBeNull();

    removeAllHighlights(root);
    expect(root.innerHTML).toBe(before);
  });

  it('clamps ranges to the block', () => {
    const root = mount('<p>abc</p>');
    const handle = highlightRange(onlyBlock(root), -5, 99, ATTRS, 'h')!;
    expect(markText(handle)).toBe('abc');
  });

  it('supports overlapping highlights by nesting, and still restores the DOM', () => {
    const root = mount('<p>alpha <b>beta</b> gamma delta</p>');
    const before = root.innerHTML;
    const block = onlyBlock(root);
    const outer = highlightRange(block, 0, 16, ATTRS, 'outer')!;
    const inner = highlightRange(block, 6, 22, ATTRS, 'inner')!;
    expect(markText(outer)).toBe('alpha beta gamma');
    expect(markText(inner)).toBe('beta gamma delta');
    removeHighlight(outer);
    expect(markText(inner)).toBe('beta gamma delta');
    removeHighlight(inner);
    expect(root.innerHTML).toBe(before);
  });

  it('never touches body attributes, even when text sits directly in body', () => {
    document.body.innerHTML = 'DeepSeek V4 text';
    document.body.setAttribute('class', 'page');
    const before = document.body.getAttributeNames();
    const [block] = extractBlocks(document.body);
    const handle = highlightRange(block!, 0, 8, ATTRS, 'b')!;
    expect(handle.elements[0]!.parentElement).toBe(document.body);
    expect(document.body.getAttributeNames()).toEqual(before);
    expect(document.documentElement.hasAttribute('tabindex')).toBe(false);
    removeAllHighlights(document.body);
    expect(document.body.innerHTML).toBe('DeepSeek V4 text');
    document.body.removeAttribute('class');
  });
});

describe('isOwnMutation', () => {
  it('recognises our wrapping and unwrapping but not page changes', () => {
    const root = mount('<p>DeepSeek has one <b>trillion</b> parameters.</p>');
    const block = onlyBlock(root);
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });

    const handle = highlightRange(block, 4, 30, ATTRS, 'h')!;
    removeHighlight(handle);
    const own = observer.takeRecords();
    expect(own.length).toBeGreaterThan(0);
    expect(own.every(isOwnMutation)).toBe(true);

    const card = document.createElement('claim-lens-card');
    root.appendChild(card);
    card.setAttribute('data-open', '1');
    card.remove();
    expect(observer.takeRecords().every(isOwnMutation)).toBe(true);

    const p = document.createElement('p');
    p.textContent = 'New paragraph about DeepSeek';
    root.appendChild(p);
    (root.querySelector('b')!.firstChild as Text).data = 'billion';
    root.querySelector('p')!.setAttribute('class', 'x');
    const page = observer.takeRecords();
    expect(page).toHaveLength(3);
    expect(page.some(isOwnMutation)).toBe(false);

    // A page edit to a text node we once split is the page's, not ours.
    const again = highlightRange(onlyBlock(root.querySelector('p')!), 0, 4, ATTRS, 'h2')!;
    observer.takeRecords();
    (again.elements[0]!.firstChild as Text).data = 'Zeep';
    const [edit] = observer.takeRecords();
    expect(edit && isOwnMutation(edit)).toBe(false);
    observer.disconnect();
  });
});

type Tree = string | { tag: string; children: Tree[] };

const INLINE_TAGS = ['b', 'i', 'em', 'strong', 'span', 'a', 'sup', 'x-inline'] as const;

const treeArbitrary = fc.letrec<{ node: Tree; element: { tag: string; children: Tree[] } }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é'), maxLength: 6 }),
    tie('element'),
  ),
  element: fc.record({
    tag: fc.constantFrom(...INLINE_TAGS),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
})).element;

function build(tree: Tree): Node {
  if (typeof tree === 'string') return document.createTextNode(tree);
  const el = document.createElement(tree.tag);
  for (const child of tree.children) el.appendChild(build(child));
  return el;
}

/** Non-overlapping [start, end) ranges from sorted cut points; empty ranges are allowed. */
function toRanges(cuts: number[], length: number): Array<[number, number]> {
  const points = cuts.map((cut) => cut % (length + 1)).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + 1 < points.length; i += 2) ranges.push([points[i]!, points[i + 1]!]);
  return ranges;
}

describe('highlighter properties', () => {
  it('wraps exactly the ranges and restores the DOM', () => {
    fc.assert(
      fc.property(
        fc.array(treeArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat({ max: 1000 }), { maxLength: 8 }),
        fc.boolean(),
        (children, cuts, reverse) => {
          const root = mount('<p></p>');
          const p = root.firstElementChild!;
          for (const child of children) p.appendChild(build(child));
          const before = root.innerHTML;
          const originalNodes = textNodes(root);
          const originalText = p.textContent ?? '';
          const blocks = extractBlocks(root);
          fc.pre(blocks.length === 1);
          const block = blocks[0]!;
          expect(block.text).toBe(originalText);

          const ranges = toRanges(cuts, block.text.length);
          const order = reverse ? [...ranges.keys()].reverse() : [...ranges.keys()];
          const handles = new Map<number, HighlightHandle | null>();
          for (const i of order) {
            const [start, end] = ranges[i]!;
            handles.set(i, highlightRange(block, start, end, ATTRS, `r${i}`));
          }

          // (b) the text is unchanged, in the DOM and in the updated slices.
          expect(p.textContent).toBe(originalText);
          expect(blockText(block)).toBe(originalText);
          expectConsistent(block);

          // (a) each range's marks hold exactly its text, minus whitespace-only pieces that were skipped.
          for (const [i, [start, end]] of ranges.entries()) {
            const handle = handles.get(i) ?? null;
            if (start === end) {
              expect(handle).toBeNull();
              continue;
            }
            let covered = '';
            for (const slice of block.nodes) {
              const sliceEnd = slice.start + slice.node.data.length;
              if (sliceEnd <= start || slice.start >= end || slice.node.data.length === 0) continue;
              const mark = slice.node.parentElement!.closest(`${MARK_TAG}[data-highlight-id]`);
              if (mark?.getAttribute('data-highlight-id') === `r${i}`) {
                expect(slice.start).toBeGreaterThanOrEqual(start);
                expect(sliceEnd).toBeLessThanOrEqual(end);
                covered += slice.node.data;
              } else {
                // Left unmarked: only whitespace of the range may be here (a skipped, re-joined piece).
                const inside = originalText.slice(Math.max(start, slice.start), Math.min(end, sliceEnd));
                expect(inside.trim()).toBe('');
              }
            }
            const expected = originalText.slice(start, end);
            if (expected.trim() === '') {
              expect(handle).toBeNull();
              continue;
            }
            expect(handle).not.toBeNull();
            expect(markText(handle!)).toBe(covered);
            expect(covered.replace(/\s/g, '')).toBe(expected.replace(/\s/g, ''));
            if (covered.length === expected.length) expect(covered).toBe(expected);
            for (const el of handle!.elements) expect(el.getAttribute('data-claim-id')).toBe('v4-params');
          }

          // (c) removing everything restores the markup and the very same text nodes.
          removeAllHighlights(root);
          expect(root.innerHTML).toBe(before);
          const after = textNodes(root);
          expect(after).toHaveLength(originalNodes.length);
          expect(after.every((node, i) => node === originalNodes[i])).toBe(true);
          expect(block.nodes.map((slice) => slice.node)).toEqual(originalNodes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports every mutation of a highlight/remove cycle as its own', () => {
    fc.assert(
      fc.property(
        fc.array(treeArbitrary, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat({ max: 1000 }), { maxLength: 6 }),
        (children, cuts) => {
          const root = mount('<p></p>');
          const p = root.firstElementChild!;
          for (const child of children) p.appendChild(build(child));
          const blocks = extractBlocks(root);
          fc.pre(blocks.length === 1);
          const block = blocks[0]!;
          const observer = new MutationObserver(() => {});
          observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
          const handles = toRanges(cuts, block.text.length).map(([s, e], i) =>
            highlightRange(block, s, e, ATTRS, `m${i}`),
          );
          if (handles[0]) removeHighlight(handles[0]);
          removeAllHighlights(root);
          const records = observer.takeRecords();
          observer.disconnect();
          expect(records.every(isOwnMutation)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
