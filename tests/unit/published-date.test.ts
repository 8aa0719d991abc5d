import { describe, expect, it } from 'vitest';
import { dateFromUrl, normalizeDate, readPublicationDate } from '../../src/page/published-date';

const TODAY = new Date('2026-12-01T12:00:00Z');

function docFrom(html: string, url = 'https://news.example.test/story'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // happy-dom's DOMParser documents have no address; the URL fallback reads doc.URL.
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}

describe('readPublicationDate', () => {
  it('reads article:published_time as WordPress and most news sites write it', () => {
    const doc = docFrom(`<head>
      <meta property="og:type" content="article">
      <meta property="article:modified_time" content="2026-05-02T10:00:00+00:00">
      <meta property="article:published_time" content="2026-02-10T08:15:00+08:00">
    </head><body><p>text</p></body>`);
    expect(readPublicationDate(doc, TODAY)).toEqual({ date: '2026-02-10', source: 'meta' });
  });

  it('reads parsely, sailthru, Dublin Core and citation tags', () => {
    for (const [attr, key, value, want] of [
      ['name', 'parsely-pub-date', '2026-03-02T09:00:00Z', '2026-03-02'],
      ['name', 'sailthru.date', '2026-03-02 09:00:00', '2026-03-02'],
      ['name', 'DC.date.issued', '2026-03-02', '2026-03-02'],
      ['name', 'citation_publication_date', '2026/03/02', '2026-03-02'],
      ['name', 'citation_publication_date', '2026', '2026'],
    ] as const) {
      const doc = docFrom(`<head><meta ${attr}="${key}" content="${value}"></head><body></body>`);
      expect(readPublicationDate(doc, TODAY), key).toEqual({ date: want, source: 'meta' });
    }
  });

  it('reads JSON-LD datePublished inside @graph (Yoast) and in arrays, preferring the article', () => {
    const doc = docFrom(
      `<head><script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://x/#website', datePublished: '2019-01-01' },
          {
            '@type': ['Article', 'NewsArticle'],
            headline: 'DeepSeek V4',
            datePublished: '2026-04-26T06:00:00Z',
            dateModified: '2026-05-01',
          },
        ],
      })}</script></head><body></body>`,
    );
    expect(readPublicationDate(doc, TODAY)).toEqual({ date: '2026-04-26', source: 'json-ld' });
    const array = docFrom(
      `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2026-01-15"}]</script>`,
    );
    expect(readPublicationDate(array, TODAY)).toEqual({ date: '2026-01-15', source: 'json-ld' });
  });

  it('skips broken JSON-LD and falls through to a <time> in the byline, never a comment’s time', () => {
    const doc = docFrom(`<head><script type="application/ld+json">{ not json</script></head><body>
      <article><header><h1>V4</h1><p class="byline">By A. Writer · <time datetime="2026-02-10">10 Feb</time></p></header>
      <p>Body</p></article>
      <section class="comments"><time datetime="2026-11-30">yesterday</time></section></body>`);
    expect(readPublicationDate(doc, TODAY)).toEqual({ date: '2026-02-10', source: 'time' });
    const onlyComments = docFrom(
      `<body><article><p>Body</p><div class="comment"><time datetime="2026-11-30">x</time></div></article></body>`,
    );
    expect(readPublicationDate(onlyComments, TODAY)).toBeNull();
  });

  it('falls back to a date in the address, and to null (unknown) when nothing says', () => {
    const doc = docFrom(
      '<body><p>No dates here.</p></body>',
      'https://blog.example.test/2026/03/02/deepseek-v4/',
    );
    expect(readPublicationDate(doc, TODAY)).toEqual({ date: '2026-03-02', source: 'url' });
    expect(readPublicationDate(docFrom('<body><p>Nothing.</p></body>'), TODAY)).toBeNull();
  });

  it('ignores placeholder, epoch and future dates rather than trusting them', () => {
    const doc = docFrom(`<head><meta property="article:published_time" content="1970-01-01T00:00:00Z">
      <meta name="date" content="2031-01-01"></head><body></body>`);
    expect(readPublicationDate(doc, TODAY)).toBeNull();
  });
});

describe('normalizeDate and dateFromUrl', () => {
  it('keeps the precision the page gives and reads English dates', () => {
    expect(normalizeDate('2026-04', TODAY)).toBe('2026-04');
    expect(normalizeDate('20260424', TODAY)).toBe('2026-04-24');
    expect(normalizeDate('February 10, 2026', TODAY)).toBe('2026-02-10');
    expect(normalizeDate('10 Feb 2026', TODAY)).toBe('2026-02-10');
    expect(normalizeDate('March 2026', TODAY)).toBe('2026-03');
    expect(normalizeDate('2026-13-01', TODAY)).toBeUndefined();
    expect(normalizeDate('yesterday', TODAY)).toBeUndefined();
  });

  it('finds /YYYY/MM/DD/ and /YYYY-MM-DD- in paths, not numbers that only look like years', () => {
    expect(dateFromUrl('https://x.test/2026-02-10-v4-leaks', TODAY)).toBe('2026-02-10');
    expect(dateFromUrl('https://x.test/news/2026/02/v4', TODAY)).toBe('2026-02');
    expect(dateFromUrl('https://x.test/item/20261234', TODAY)).toBeUndefined();
    expect(dateFromUrl('https://x.test/posts/2026', TODAY)).toBeUndefined();
  });
});
