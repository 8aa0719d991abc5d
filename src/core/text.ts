/**
 * Small text helpers for reader-facing strings, on the platform's Intl APIs rather than hand-rolled rules.
 * English only for now; the locale is one constant so a translation changes one line.
 */
const LOCALE = 'en';
/** Day before month ("10 February 2026"): unambiguous to readers on both sides of the Atlantic. */
const DATE_LOCALE = 'en-GB';

/** Whitespace runs to single spaces, trimmed: how the page's words are compared and shown. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a word and ending in "…" when shortened. */
export function truncate(text: string, max: number): string {
  const flat = collapse(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * Intl objects are built on first use, not when the module loads: the first one loads locale data (tens
 * of ms), and the labeler imports this module on every V4 page long before a card shows a date.
 */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const pluralRules = once(() => new Intl.PluralRules(LOCALE));

/** "1 claim", "3 claims": forms chosen by Intl.PluralRules, so other locales only add their forms. */
export function plural(count: number, forms: { one: string; other: string }): string {
  const form = pluralRules().select(count) === 'one' ? forms.one : forms.other;
  return `${count} ${form}`;
}

/** The word alone (no number), for phrases like "was/were". */
export function pluralWord(count: number, forms: { one: string; other: string }): string {
  return pluralRules().select(count) === 'one' ? forms.one : forms.other;
}

/**
 * Month names of the one locale the reader-facing text uses (British English: "24 April 2026"). Written
 * out rather than asked of Intl.DateTimeFormat, whose first construction loads the locale's date data:
 * 30-40 ms on the page's main thread, the first time a card opened.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A partial ISO date as a reader reads it, no more precise than it is: "2026" → "2026",
 * "2026-04" → "April 2026", "2026-04-24" → "24 April 2026". Anything else is returned unchanged.
 */
export function formatDate(partial: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial);
  if (!m) return partial;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return partial;
  const month = MONTHS[date.getUTCMonth()]!;
  const year = date.getUTCFullYear();
  if (d) return `${date.getUTCDate()} ${month} ${year}`;
  if (mo) return `${month} ${year}`;
  return String(year);
}

/** A timestamp's day as YYYY-MM-DD, in UTC (file names, stored dates). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "a, b and c" with Intl.ListFormat (British style, no serial comma, as the dates). */
const listFormat = once(() => new Intl.ListFormat(DATE_LOCALE, { style: 'long', type: 'conjunction' }));
export function joinList(items: string[]): string {
  return listFormat().format(items);
}
