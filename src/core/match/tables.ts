import type { MatchInputBlock } from './matcher';

/**
 * A two-column table of fields and values without a header row ("Released | 2026-04-24", "License | MIT")
 * reaches the matcher as if its first row were the header: the first value has no row header, the second
 * row's field is marked as a header cell with the first field as its column header, and every later value
 * carries the first value as its column header. Read each value with its own field instead, so "License" |
 * "MIT" reads "License: MIT", and "2026-04-24" is what was released.
 */
export function readKeyValueTables(blocks: MatchInputBlock[]): MatchInputBlock[] {
  const out = blocks.slice();
  const valuesTakenForHeaders = new Set<string>();
  for (let i = 1; i < out.length; i++) {
    const block = out[i]!;
    if (block.kind !== 'table-cell') continue;
    const field = out[i - 1]!;
    const nextField = out[i + 1];
    const firstRowValue =
      !block.tableHeader &&
      !block.rowHeader &&
      !block.columnHeader &&
      field.kind === 'table-cell' &&
      field.tableHeader === true &&
      !field.columnHeader &&
      nextField?.kind === 'table-cell' &&
      nextField.tableHeader === true &&
      nextField.columnHeader === field.text;
    if (firstRowValue) {
      out[i] = { ...block, rowHeader: field.text };
      valuesTakenForHeaders.add(block.text);
    } else if (block.columnHeader && valuesTakenForHeaders.has(block.columnHeader)) {
      const { columnHeader: _value, ...rest } = block;
      out[i] = rest;
    }
  }
  return out;
}
