import type { TextBlock } from './extract';

/**
 * Context the matcher needs beside a block's own words: a table cell's row and column headers, and an
 * infographic figure's caption. Read from the DOM around the block, collapsed to plain text.
 */

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
function cellAtColumn(cells: readonly Element[], column: number): Element | null {
  let index = 0;
  for (const cell of cells) {
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

/**
 * What one reading of a page has already worked out about its tables: every cell of a row looks up the
 * same row, header row and header texts, which on a long table is most of the work.
 */
export interface TableMemo {
  cells: Map<Element, Element[]>;
  headerRows: Map<Element, Element | null>;
  texts: Map<Element, string>;
}

export const newTableMemo = (): TableMemo => ({ cells: new Map(), headerRows: new Map(), texts: new Map() });

function memo<K, V>(map: Map<K, V>, key: K, compute: (key: K) => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute(key);
  map.set(key, value);
  return value;
}

export function addTableHeaders(block: TextBlock, known: TableMemo = newTableMemo()): void {
  const cell = block.element;
  const row = cell.parentElement;
  if (row === null || row.localName !== 'tr') return;
  const section = row.parentElement;
  const table = section?.localName === 'table' ? section : section?.parentElement;
  if (table == null || table.localName !== 'table') return;

  // Cells of the header row name columns; giving them a row or column header would only add noise.
  const headerRow = memo(known.headerRows, table, columnHeaderRow);
  if (row === headerRow || section?.localName === 'thead') return;

  const cellsOf = (r: Element) => memo(known.cells, r, rowCells);
  const textOf = (c: Element) => memo(known.texts, c, (e) => collapse(e.textContent ?? ''));
  const cells = cellsOf(row);
  const rowHeaderCell =
    cells.find((c) => c.localName === 'th' && c.getAttribute('scope') === 'row') ?? cells[0];
  if (rowHeaderCell !== undefined && rowHeaderCell !== cell) {
    const text = textOf(rowHeaderCell);
    if (text !== '') block.rowHeader = text;
  }

  if (headerRow !== null) {
    let column = 0;
    for (const c of cells) {
      if (c === cell) break;
      column += columnSpan(c);
    }
    const headerCell = cellAtColumn(cellsOf(headerRow), column);
    if (headerCell !== null) {
      const text = textOf(headerCell);
      if (text !== '') block.columnHeader = text;
    }
  }
}

/** A bare figure: "40%", "1M+", "10-40×", "$0.27", "1T". */
const BARE_FIGURE = /^\s*[~≈<>$]?\d[\d.,]*(\s?[-–—]\s?\d[\d.,]*)?\s?[%×xKMBTkmbt]?\+?\s*$/u;

/**
 * Infographic tiles put a figure and its caption in sibling blocks ("40%" over "Memory Reduction"). The
 * caption is what the figure means, so it travels with the figure as its label, like a table row header.
 */
export function addFigureLabels(blocks: TextBlock[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const figure = blocks[i]!;
    const caption = blocks[i + 1]!;
    if (!BARE_FIGURE.test(figure.text) || figure.kind === 'table-cell') continue;
    const captionText = collapse(caption.text);
    if (captionText.length > 40 || /\d/.test(captionText)) continue;
    if (figure.element.parentElement !== caption.element.parentElement) continue;
    figure.label = captionText;
  }
}
