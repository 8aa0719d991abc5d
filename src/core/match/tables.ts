import type { MatchInputBlock } from './matcher';
import { normalize } from './normalize';
import { detectSubjects } from './subject';

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

/**
 * A cell that only gives a verdict or status ("CONFIRMED", "LEAKED", "✓"): a label, not an assertion,
 * unless its column is a model's ("Open weights" | V3: "Yes" says V3 has them).
 */
const STATUS_LABEL =
  /^(?:[^\p{L}\p{N}\s]\s*)?(?:confirmed|unconfirmed|expected|leaked|claimed|rumou?red|reported|speculative|speculation|unverified|verified|denied|debunked|false|true|likely|unlikely|unknown|tbd|tba|n\/a|yes|no|partial|pending|official|unofficial|[✓✔✗✘])(?:\s*\([^)]*\))?[.!]?$/iu;

export function isStatusLabel(cell: MatchInputBlock): boolean {
  if (cell.kind !== 'table-cell' || !STATUS_LABEL.test(cell.text.trim())) return false;
  return !cell.columnHeader || detectSubjects(normalize(cell.columnHeader).text).models.length === 0;
}

/**
 * The cells that open a row whose status is given beside them ("Engram conditional memory" | "CONFIRMED"):
 * the row states the claim its first cell names, so that cell asserts it, however short; the status cell
 * itself is only a label.
 */
export function cellsWithStatus(blocks: MatchInputBlock[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const cell = blocks[i]!;
    if (cell.kind !== 'table-cell' || cell.rowHeader || cell.tableHeader) continue;
    for (let k = i + 1; k < blocks.length && blocks[k]!.rowHeader === cell.text; k++) {
      if (isStatusLabel(blocks[k]!)) {
        found.add(i);
        break;
      }
    }
  }
  return found;
}
