import { afterEach, describe, expect, it } from 'vitest';
import { filterFromSettings, MAX_PIECE_CHARS, piecesOf, readArticle } from '../../src/content/labeler';
import { compileDatabase, scan } from '../../src/content/local-matching';
import { SettingsSchema } from '../../src/core/settings/schema';
import { extractBlocks } from '../../src/page/extract';
import { realPack } from '../support/pages';

/** The labeler as the content script and the benchmark run it, on a happy-dom page. */
const db = compileDatabase(realPack());
const everything = filterFromSettings(SettingsSchema.parse({}));

afterEach(() => {
  document.body.innerHTML = '';
});

function page(html: string): Document {
  document.title = 'DeepSeek V4';
  document.body.innerHTML = `<article><h1>DeepSeek V4</h1>${html}</article>`;
  return document;
}

const CLAIM = 'DeepSeek V4 could reach around one trillion parameters, according to early reports.';

describe('scan', () => {
  it('labels a sentence with its claims, most serious first, as spans over the page’s own text nodes', () => {
    const doc = page(`<p>${CLAIM.replace('one trillion', '<b>one trillion</b>')}</p>`);
    const before = doc.body.innerHTML;
    const [labeled] = scan(doc, db, everything);
    expect(labeled?.tier).toBe('contradicted');
    expect(labeled?.entries[0]?.claim.id).toBe('v4-total-params-1t');
    expect(labeled?.spans.map((s) => s.node.data.slice(s.from, s.to)).join('')).toBe(CLAIM);
    expect(labeled?.finding.claims[0]).toMatchObject({ claimId: 'v4-total-params-1t', tier: 'contradicted' });
    expect(doc.body.innerHTML).toBe(before);
  });

  it('applies the reader’s choices: tiers, dismissals', () => {
    const doc = page(`<p>${CLAIM}</p>`);
    const noContradicted = filterFromSettings(SettingsSchema.parse({ tiers: ['confirmed'] }));
    expect(scan(doc, db, noContradicted)).toEqual([]);
    const dismissed = filterFromSettings(SettingsSchema.parse({}), (id) => id === 'v4-total-params-1t');
    expect(scan(doc, db, dismissed).flatMap((l) => l.entries.map((e) => e.claim.id))).not.toContain(
      'v4-total-params-1t',
    );
  });

  it('gives the same keys on a rescan of the same text, so an open card can stay open', () => {
    const doc = page(`<p>${CLAIM}</p><p>${CLAIM}</p>`);
    const a = scan(doc, db, everything).map((l) => l.key);
    const b = scan(doc, db, everything).map((l) => l.key);
    expect(a).toHaveLength(2);
    expect(new Set(a).size).toBe(2);
    expect(b).toEqual(a);
  });

  it('makes a claim stand out where it changed after the page was written, in every sentence that states it', () => {
    const moe = 'DeepSeek V4 uses a mixture-of-experts architecture.';
    const doc = page(`<p>${moe}</p><p>Again: ${moe}</p>`);
    const emphasis = (articleDate: string | null) =>
      scan(doc, db, everything, { articleDate })
        .filter((l) => l.entries[0]?.claim.id === 'v4-moe-architecture')
        .map((l) => [l.tier, l.emphasis]);
    // Written in February, before the release confirmed it: a tier change since, so it stands out.
    expect(emphasis('2026-02-10')).toEqual([
      ['confirmed', 'strong'],
      ['confirmed', 'strong'],
    ]);
    // Written after the release, or with no date: nothing changed that the reader could have missed.
    expect(emphasis('2026-06-01')).toEqual([
      ['confirmed', 'quiet'],
      ['confirmed', 'quiet'],
    ]);
    expect(emphasis(null)).toEqual([
      ['confirmed', 'quiet'],
      ['confirmed', 'quiet'],
    ]);
  });

  it('reads nothing inside an editable region', () => {
    const doc = page(`<div contenteditable="true"><p>${CLAIM}</p></div>`);
    expect(scan(doc, db, everything)).toEqual([]);
  });
});

describe('piecesOf', () => {
  it('cuts a huge block at sentence ends into pieces that map back to the block', () => {
    const filler = 'Plain words about chips and budgets go on here. '.repeat(400);
    document.body.innerHTML = `<article><p>${filler}${CLAIM} ${filler}</p></article>`;
    const blocks = extractBlocks(document.querySelector('article')!);
    const pieces = piecesOf(blocks);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      const { text } = piece.input;
      expect(text.length).toBeLessThanOrEqual(MAX_PIECE_CHARS);
      expect(blocks[0]!.text.slice(piece.offset, piece.offset + text.length)).toBe(text);
    }
    expect(pieces.map((p) => p.input.text).join('')).toBe(blocks[0]!.text);
    const labeled = scan(document, db, everything);
    expect(labeled.map((l) => l.text)).toContain(CLAIM);
    expect(readArticle(document)).toHaveLength(1);
  });
});
