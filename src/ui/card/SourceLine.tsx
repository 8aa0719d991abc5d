import type { Source } from '../../core/pack/schema';
import { SOURCE_KIND_LABELS } from '../../core/pack/source-kinds';
import { formatDate } from '../../core/text';

/** A source as a reader reads it: its title (linked where we know the address), who and when, what it is. */
export function SourceLine({ source }: { source: Source }) {
  const title = source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {source.title}
    </a>
  ) : (
    source.title
  );
  return (
    <>
      {title}
      <span class="muted">
        {' '}
        · {SOURCE_KIND_LABELS[source.kind]}, {source.publisher}, {formatDate(source.date)}
      </span>
    </>
  );
}

/** Whether a source is the page being read: a card must never cite the page as evidence for itself. */
export function isThisPage(source: Source, page: { url?: string; title?: string }): boolean {
  if (source.url && page.url) {
    const strip = (u: string) =>
      u
        .replace(/[#?].*$/, '')
        .replace(/\/+$/, '')
        .replace(/^https?:\/\/(www\.)?/, '');
    if (strip(source.url) === strip(page.url)) return true;
  }
  return Boolean(page.title && source.title.length > 12 && page.title.includes(source.title));
}
