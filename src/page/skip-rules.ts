/**
 * What is not article text: an element (and so its subtree) that we never read or paint. Attributes only,
 * never layout or computed style, so the test is cheap enough to run once per element of a page. Text the
 * page hides with its stylesheet is caught later, and only for sentences that matched (see visibility.ts).
 */

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'nav',
  'aside',
  'footer',
  'form',
]);

/** ARIA equivalents of nav and aside on plain divs, and text fields built from divs. */
const SKIPPED_ROLES = new Set(['navigation', 'complementary', 'textbox', 'searchbox', 'combobox']);

const BOILERPLATE_NAME =
  /(^|[-_ ])(comments?|cookie|consent|share|social|related|newsletter|promo|advert|ads?|sponsor)([-_ ]|$)/i;

/** Code editors that draw their text in plain divs (not contenteditable): the text is the user's document. */
const EDITOR_CLASS = /(^|\s)(monaco-editor|CodeMirror|cm-editor|ace_editor)(\s|$)/;

/**
 * Elements whose class/id is not trusted as a boilerplate signal: CMSs put taxonomy classes on them
 * (WordPress gives an article "category-social-media" or "tag-ads"), and skipping them would drop the story.
 */
const NAME_CHECK_EXEMPT = new Set(['article', 'main', 'body', 'html']);

/**
 * A header inside one of these is that section's header (the ARIA-in-HTML rule for when header is not a
 * banner landmark); in an article it holds the headline, which is exactly what we want to read.
 */
const HEADER_SCOPES = 'article, aside, main, nav, section';

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

function isEditableValue(value: string | null): boolean {
  return value !== null && value.toLowerCase() !== 'false';
}

const INLINE_CODE_MAX = 48;

/** A short identifier in running text (a model id, a file name); never a sample, a prompt or a block. */
function isInlineCode(el: Element): boolean {
  if (el.parentElement?.closest('pre') != null) return false;
  const text = el.textContent ?? '';
  return text.length <= INLINE_CODE_MAX && !text.includes('\n') && !/[{}();=<>"]/.test(text);
}

/**
 * Whether an element (and so its subtree) is not article text. Looks at this element only, never its
 * ancestors, and reads only attributes (and the text of a <code> element, to tell inline code apart).
 * `tag` is the element's localName, passed by a caller that has read it already.
 */

export function isSkippedElement(el: Element, tag = el.localName): boolean {
  // Inline code inside a sentence is part of it ("its model id, <code>deepseek-v4-pro</code>, …"); code
  // samples and prompt strings are not article text.
  if (tag === 'code') return !isInlineCode(el);
  if (SKIPPED_TAGS.has(tag)) return true;
  // A header is site chrome (a banner) unless a sectioning element scopes it, as in
  // <article><header><h1>Headline</h1></header>, where it holds the headline we must read.
  if (tag === 'header') return el.parentElement?.closest(HEADER_SCOPES) == null;
  // Most elements of an article carry no attribute at all: one call instead of seven.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  // The user's own writing is never labeled: contenteditable regions and rich-text editors.
  if (isEditableValue(el.getAttribute('contenteditable'))) return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDING_STYLE.test(style)) return true;
  // getAttribute, not className: on SVG elements className is an SVGAnimatedString.
  const cls = el.getAttribute('class');
  if (cls !== null && EDITOR_CLASS.test(cls)) return true;
  if (!NAME_CHECK_EXEMPT.has(tag)) {
    if (cls !== null && BOILERPLATE_NAME.test(cls)) return true;
    if (el.id !== '' && BOILERPLATE_NAME.test(el.id)) return true;
  }
  return false;
}

/**
 * Whether the whole document is off limits: anything but an HTML document (SVG, XML, plain text shown
 * as a page), or a document the user is editing (designMode, an editable body).
 */
export function isDocumentOffLimits(doc: Document): boolean {
  const type = doc.contentType;
  if (type !== undefined && type !== 'text/html' && type !== 'application/xhtml+xml') return true;
  if (doc.documentElement?.localName !== 'html') return true;
  if (doc.designMode?.toLowerCase() === 'on') return true;
  return isInsideEditable(doc.body ?? doc.documentElement);
}

/**
 * Whether el is editable itself or sits under an editable ancestor (an editor's document body), by the
 * contenteditable attributes: not isContentEditable, which needs the page's style up to date and so can
 * make the gate, on every page, pay for a style recalculation.
 */
export function isInsideEditable(el: Element): boolean {
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    const value = node.getAttribute('contenteditable');
    if (value !== null) return isEditableValue(value);
  }
  return false;
}
