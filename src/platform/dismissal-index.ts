import type { Dismissal } from './dismissals';

/**
 * How dismissals are keyed and looked up, without their zod schema (dismissals.ts), so the content script
 * reads them on article pages without evaluating zod.
 */

export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export const normalizeSentence = (text: string) => text.replace(/\s+/g, ' ').trim();

const keyOf = (pageUrl: string, claimId: string, sentence: string) =>
  `${pageKey(pageUrl)}\u241f${claimId}\u241f${normalizeSentence(sentence)}`;

export function isSameDismissal(
  d: Pick<Dismissal, 'pageUrl' | 'claimId' | 'sentence'>,
  other: typeof d,
): boolean {
  return keyOf(d.pageUrl, d.claimId, d.sentence) === keyOf(other.pageUrl, other.claimId, other.sentence);
}

/** A fast lookup for the content script, which asks once per highlighted sentence. */
export class DismissalIndex {
  private keys = new Set<string>();

  constructor(dismissals: Dismissal[] = []) {
    this.replace(dismissals);
  }

  replace(dismissals: Dismissal[]): void {
    this.keys = new Set(dismissals.map((d) => keyOf(d.pageUrl, d.claimId, d.sentence)));
  }

  /** No dismissal at all: the usual case, where no page address needs reading. */
  get empty(): boolean {
    return this.keys.size === 0;
  }

  has(pageUrl: string, claimId: string, sentence: string): boolean {
    return this.keys.size > 0 && this.keys.has(keyOf(pageUrl, claimId, sentence));
  }
}
