import { Window } from 'happy-dom';
import { compileMatcher, type Matcher, type MatchInputBlock } from '../core/match/matcher';
import type { ClaimPack, Tier } from '../core/pack/schema';
import { extractBlocks, findArticleRoot } from '../page/extract';

/**
 * The `scan` command's core: the content script's own extraction and matching, run in Node on a saved
 * page or plain text. happy-dom stands in for the browser DOM; no matching logic is copied.
 */
export interface ScanRow {
  sentence: string;
  claimId: string;
  tier: Tier;
  strength: number;
}

export interface ScanReport {
  input: string;
  rows: ScanRow[];
  /** Sentences naming a V4 model that matched no claim: candidates for new database entries. */
  unmatchedV4Sentences: string[];
}

export function htmlBlocks(
  html: string,
  url = 'https://scan.invalid/',
): { blocks: MatchInputBlock[]; title: string } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  // Plain copies of the blocks (every field the matcher reads), so no DOM outlives the window.
  const blocks: MatchInputBlock[] = extractBlocks(findArticleRoot(doc)).map(
    ({ element, nodes, ...block }) => block,
  );
  const title = doc.title;
  void window.happyDOM.close();
  return { blocks, title };
}

/** Plain text: every non-empty line is a block (paragraph, heading or list item). */
export function textBlocks(text: string): { blocks: MatchInputBlock[]; title: string } {
  const blocks = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line }));
  return { blocks, title: '' };
}

export function scanBlocks(
  input: string,
  { blocks, title }: { blocks: MatchInputBlock[]; title: string },
  pack: ClaimPack,
  matcher: Matcher = compileMatcher(pack),
): ScanReport {
  const tiers = new Map(pack.claims.map((c) => [c.id, c.tier]));
  const { matches, unmatchedV4Sentences } = matcher.matchDocument(blocks, { title });
  return {
    input,
    rows: matches.flatMap((m) =>
      m.hits.map((h) => ({
        sentence: m.text,
        claimId: h.claimId,
        tier: tiers.get(h.claimId)!,
        strength: h.strength,
      })),
    ),
    unmatchedV4Sentences: unmatchedV4Sentences.map((s) => s.text),
  };
}

/** Decides how to read a file's bytes; refuses binary input with a reason instead of matching noise. */
export function classifyInput(name: string, bytes: Uint8Array): 'html' | 'text' | { binary: string } {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { binary: 'it contains NUL bytes' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 8 && replaced / Math.max(1, text.length) > 0.02) return { binary: 'it is not UTF-8 text' };
  if (/\.html?$/i.test(name) || /^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>])/i.test(text))
    return 'html';
  return 'text';
}
