/**
 * When the article was published, read the ways news sites publish it. The first source that gives a
 * plausible date wins, in order of how deliberately a site states it: meta tags meant for sharing and
 * archiving, then JSON-LD, then a <time> in the byline, then a date in the address. A modified date is
 * never taken for the publication date. Nothing found means "unknown", said honestly, never guessed.
 */

/** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the page is, no more. */
export type PublishedDateSource = 'meta' | 'json-ld' | 'time' | 'url';
export interface PublishedDate {
  date: string;
  source: PublishedDateSource;
}

/** Meta tags that carry the publication date, by name or property; checked in this order. */
const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'dcterms.created',
  'date',
  'pubdate',
  'publish-date',
  'publish_date',
  'article.published',
  'datepublished',
];

/** Dates before this are not about V4 articles; they are template defaults or the epoch. */
const EARLIEST_YEAR = 2000;

/**
 * A date string from any of the formats sites use, as YYYY[-MM[-DD]]: ISO 8601 with or without time and
 * zone ("2026-02-10T08:00:00+01:00" is the 10th where it was written), "2026/02/10", "20260210",
 * citation's "2026/02/10" or "2026", and English "February 10, 2026" / "10 Feb 2026".
 */
export function normalizeDate(text: string, today = new Date()): string | undefined {
  const value = text.trim();
  const parts = numericDate(value) ?? englishDate(value);
  if (!parts) return undefined;
  const { year, month, day } = parts;
  if (year < EARLIEST_YEAR) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31 || month === undefined)) return undefined;
  const iso = [String(year), month && pad(month), day && pad(day)].filter(Boolean).join('-');
  // A date in the future is a template's placeholder or a typo, not when the article appeared.
  if (iso.slice(0, 10) > today.toISOString().slice(0, iso.length)) return undefined;
  return iso;
}

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function numericDate(value: string): DateParts | undefined {
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T\s]|$)/.exec(value);
  if (iso) {
    return {
      year: Number(iso[1]),
      month: iso[2] ? Number(iso[2]) : undefined,
      day: iso[3] ? Number(iso[3]) : undefined,
    };
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return compact
    ? { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) }
    : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function englishDate(text: string): DateParts | undefined {
  const monthOf = (word: string) => {
    const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
    return index === -1 ? undefined : index + 1;
  };
  // "February 10, 2026", "Feb. 10 2026"
  let m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[1]!)) return { year: Number(m[3]), month: monthOf(m[1]!)!, day: Number(m[2]) };
  // "10 February 2026"
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[2]!)) return { year: Number(m[3]), month: monthOf(m[2]!)!, day: Number(m[1]) };
  // "March 2026"
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[1]!)) return { year: Number(m[2]), month: monthOf(m[1]!)! };
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fromMeta(doc: Document, today: Date): string | undefined {
  const byKey = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, meta.getAttribute('content') ?? '');
  }
  for (const key of META_KEYS) {
    const value = byKey.get(key);
    const date = value && normalizeDate(value, today);
    if (date) return date;
  }
  return undefined;
}

/** Every object in a JSON-LD value: arrays, @graph and nesting, as Yoast, WordPress and news CMSs write it. */
function* jsonLdObjects(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdObjects(item, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  yield object;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage'])
    yield* jsonLdObjects(object[key], depth + 1);
}

const ARTICLE_TYPES = /article|posting|report|blog|webpage/i;

function fromJsonLd(doc: Document, today: Date): string | undefined {
  const candidates: { date: string; article: boolean }[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A site's broken JSON-LD is its own problem; other sources may still say.
    }
    for (const object of jsonLdObjects(parsed)) {
      const raw = object.datePublished ?? object.dateCreated;
      if (typeof raw !== 'string') continue;
      const date = normalizeDate(raw, today);
      const type = [object['@type']].flat().join(' ');
      if (date) candidates.push({ date, article: ARTICLE_TYPES.test(type) });
    }
  }
  return (candidates.find((c) => c.article) ?? candidates[0])?.date;
}

/** <time> elements that date the article itself: in its header or byline, or marked as published. */
function fromTimeElement(doc: Document, today: Date): string | undefined {
  const selectors = [
    'time[itemprop="datePublished"]',
    'time[pubdate]',
    'article header time[datetime]',
    '.byline time[datetime]',
    '[class*="byline"] time[datetime]',
    '[class*="meta"] time[datetime]',
    'article time[datetime]',
    'main time[datetime]',
  ];
  // Read once: most articles have none or a few, and each query walks the whole document.
  const times = Array.from(doc.querySelectorAll('time'));
  if (times.length === 0) return undefined;
  for (const selector of selectors) {
    for (const time of times) {
      if (!time.matches(selector)) continue;
      // Comments carry their own times; they say when someone replied, not when the article appeared.
      if (time.closest('[class*="comment"], [id*="comment"]')) continue;
      const date = normalizeDate(time.getAttribute('datetime') ?? time.textContent ?? '', today);
      if (date) return date;
    }
  }
  return undefined;
}

/** /2026/02/10/slug, /2026-02-10-slug, /2026/02/slug: the date a CMS put in the address. */
export function dateFromUrl(url: string, today = new Date()): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /(?:^|\/)(20\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|$)/.exec(path) ?? undefined;
  if (!m) return undefined;
  return normalizeDate([m[1], m[2], m[3]].filter(Boolean).join('-'), today);
}

export function readPublicationDate(doc: Document, today = new Date()): PublishedDate | null {
  const meta = fromMeta(doc, today);
  if (meta) return { date: meta, source: 'meta' };
  const jsonLd = fromJsonLd(doc, today);
  if (jsonLd) return { date: jsonLd, source: 'json-ld' };
  const time = fromTimeElement(doc, today);
  if (time) return { date: time, source: 'time' };
  const url = dateFromUrl(doc.URL, today);
  if (url) return { date: url, source: 'url' };
  return null;
}
