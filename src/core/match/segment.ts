/**
 * Sentence boundaries inside one block of text, as [start, end) offsets with surrounding whitespace
 * trimmed. Intl.Segmenter handles abbreviations and decimals ("1.6T", "U.S.") that a regex would split.
 */
export interface SentenceRange {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The first Intl.Segmenter in a page loads ICU's sentence rules (about 20 ms measured); doing it as a
 * step of its own keeps that cost out of the matching slices.
 */
export function warmUpSegmenter(): void {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const _ of segmenter.segment('A. B.')) break;
}

// Abbreviations after which ICU's sentence rules may break, though the sentence goes on: "Dense Attention vs.
// DSA Sparse Attention", "e.g. Huawei".
const ABBREVIATION_END = /(?:^|[\s(])(?:vs|e\.g|i\.e|approx|incl|esp|cf|etc)\.$/i;

export function segmentSentences(text: string, breaks: number[] = []): SentenceRange[] {
  const ranges = segmentRaw(text, breaks);
  const merged: SentenceRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    const between = last ? text.slice(last.end, range.start) : '';
    if (last && ABBREVIATION_END.test(text.slice(last.start, last.end)) && !between.includes('\n'))
      last.end = range.end;
    else merged.push({ ...range });
  }
  return merged;
}

function segmentRaw(text: string, breaks: number[]): SentenceRange[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const ranges: SentenceRange[] = [];
  const cuts = [0, ...breaks.filter((b) => b > 0 && b < text.length).sort((a, b) => a - b), text.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lineStart = cuts[i]!;
    const line = text.slice(lineStart, cuts[i + 1]);
    for (const part of segmenter.segment(line)) {
      // Newlines inside a block (pre-wrapped text, flattened lists) also end a sentence.
      let offset = 0;
      for (const piece of part.segment.split('\n')) {
        const lead = piece.length - piece.trimStart().length;
        const trimmed = piece.trim();
        if (trimmed) {
          const start = lineStart + part.index + offset + lead;
          ranges.push({ start, end: start + trimmed.length });
        }
        offset += piece.length + 1;
      }
    }
  }
  return ranges;
}
