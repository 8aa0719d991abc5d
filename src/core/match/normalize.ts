/**
 * Text normalization for matching. Offsets are never read from normalized text (sentences are found in the
 * page's own text and normalized one by one), so this is a plain string transform: one pass of
 * replacements, then NFKD and lowercasing of the whole string.
 */

export interface NormalizedText {
  /** Lowercased, diacritics stripped, dashes/quotes/spaces unified, × → x, format characters removed. */
  text: string;
}

const CHAR_REPLACEMENTS: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen (the seeds use it: "1‑trillion‑parameter")
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00d7': 'x',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
  '~': ' ',
};

const REPLACEABLE = new RegExp(`[${Object.keys(CHAR_REPLACEMENTS).join('')}]`, 'gu');
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

export function normalize(original: string): NormalizedText {
  const replaced = original.replace(REPLACEABLE, (ch) => CHAR_REPLACEMENTS[ch]!);
  // NFKD folds full-width forms and ligatures; stripping combining marks removes diacritics. Most
  // sentences are ASCII once quotes and dashes are replaced, and skip both.
  const folded = NON_ASCII.test(replaced)
    ? replaced.normalize('NFKD').replace(COMBINING_MARKS, '')
    : replaced;
  return { text: folded.toLowerCase() };
}

export interface Token {
  /** The word as normalized ("parameters", "1.6t", "1,000b"). */
  word: string;
  start: number;
  end: number;
}

// Letters and digits, keeping "1,048,576" and "1.6" together but splitting on hyphens and other punctuation.
const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:[.,]\d+)*/gu;

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(TOKEN_PATTERN)) {
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Normalizes a database term the same way as page text and splits it into words. */
export function termWords(term: string): string[] {
  return tokenize(normalize(term).text).map((t) => t.word);
}

/**
 * Light stemming: a page word matches a term word when equal, or when it extends a term word of at least
 * four letters by a short suffix ("parameter" → "parameters", "reason" → "reasoning").
 */
export function wordMatches(pageWord: string, termWord: string): boolean {
  if (pageWord === termWord) return true;
  // A short term word takes only a plural: "gpu" matches "gpus", "api" matches "apis".
  if (termWord.length === 3 && /^[a-z]+$/.test(termWord)) return pageWord === `${termWord}s`;
  return termWord.length >= 4 && pageWord.length - termWord.length <= 4 && pageWord.startsWith(termWord);
}

/** Index key shared by a term word and every page word that can match it. */
export function stemKey(word: string): string {
  return word.length >= 4 ? word.slice(0, 4) : word;
}

/** The keys a page word is found under: its own, and for a short plural ("gpus") its singular's ("gpu"). */
export function pageStemKeys(word: string): string[] {
  const key = stemKey(word);
  return word.length === 4 && word.endsWith('s') && /^[a-z]+$/.test(word) ? [key, word.slice(0, 3)] : [key];
}

/**
 * Finds a multi-word term as consecutive page words; returns the token index of its first word or -1.
 * `from` starts the search later (to look past an occurrence that does not count).
 */
export function findTerm(tokens: Token[], words: string[], from = 0): number {
  if (words.length === 0) return -1;
  outer: for (let i = from; i + words.length <= tokens.length; i++) {
    for (let k = 0; k < words.length; k++) {
      if (!wordMatches(tokens[i + k]!.word, words[k]!)) continue outer;
    }
    return i;
  }
  return -1;
}
