import { isSkippedElement } from './skip-rules';

const PREFERRED_ROOT_SELECTORS = ['article', '[itemprop=articleBody]', 'main', '[role=main]'];

/**
 * A semantic root must hold at least this share of the page's readable paragraph text. Below it, an
 * <article> is a teaser card or one of many posts, and a wider root (main, or the paragraph-richest
 * container) reads the story better.
 */
const MIN_ROOT_SHARE = 0.4;

function trimmedLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}

/**
 * The container of the article: the first of article, [itemprop=articleBody], main, [role=main] whose best
 * candidate holds enough of the page's paragraph text; else the element with most paragraph text (credited
 * to each paragraph's parent, half to its grandparent, so a story split over sibling wrappers lands on their
 * common parent); else body. Paragraphs and candidates inside excluded chrome (aside, nav, comments,
 * related, hidden...) never count, so a sidebar is never chosen.
 */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;

  const exclusion = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    if (el === body) return false;
    const known = exclusion.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const excluded = isSkippedElement(el) || (parent !== null && isExcluded(parent));
    exclusion.set(el, excluded);
    return excluded;
  };

  // Readable paragraph text inside each element, and the parent/grandparent score for the fallback.
  const paragraphText = new Map<Element, number>();
  const containerScore = new Map<Element, number>();
  let totalParagraphText = 0;
  for (const p of body.querySelectorAll('p')) {
    if (isExcluded(p)) continue;
    const length = trimmedLength(p);
    if (length === 0) continue;
    totalParagraphText += length;
    for (let ancestor = p.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
      paragraphText.set(ancestor, (paragraphText.get(ancestor) ?? 0) + length);
      if (ancestor === body) break;
    }
    const parent = p.parentElement;
    if (parent === null) continue;
    containerScore.set(parent, (containerScore.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent !== null && parent !== body) {
      containerScore.set(grandparent, (containerScore.get(grandparent) ?? 0) + length / 2);
    }
  }

  for (const selector of PREFERRED_ROOT_SELECTORS) {
    let best: Element | null = null;
    let bestParagraphs = -1;
    // The whole text of a candidate is read only to break a tie (typically no paragraphs at all).
    let bestLength: number | undefined;
    for (const candidate of body.querySelectorAll(selector)) {
      if (isExcluded(candidate)) continue;
      const paragraphs = paragraphText.get(candidate) ?? 0;
      if (paragraphs < bestParagraphs) continue;
      if (paragraphs > bestParagraphs) {
        best = candidate;
        bestParagraphs = paragraphs;
        bestLength = undefined;
        continue;
      }
      // A tie goes to the candidate with more text.
      bestLength ??= trimmedLength(best!);
      const length = trimmedLength(candidate);
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
      }
    }
    if (best === null) continue;
    const enough =
      totalParagraphText > 0
        ? bestParagraphs >= totalParagraphText * MIN_ROOT_SHARE
        : (bestLength ?? trimmedLength(best)) > 0;
    if (enough) return best;
  }

  let bestContainer: Element = body;
  let bestScore = 0;
  for (const [el, score] of containerScore) {
    if (score > bestScore) {
      bestScore = score;
      bestContainer = el;
    }
  }
  return bestContainer;
}
