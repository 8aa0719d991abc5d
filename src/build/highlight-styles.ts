import type { GeneratedPublicFile } from 'wxt';
import { highlightStylesheet } from '../page/mark-styles';

/** The ::highlight() rules, shipped as the gate's manifest stylesheet. */
export const HIGHLIGHT_STYLESHEET = 'claim-lens-highlights.css';

/**
 * The ::highlight() rules as a file of the build, listed as the content script's manifest stylesheet
 * (injected by the browser into every frame; pages can neither see nor remove it). Generated from the tier
 * styles, so the colours and underlines have one source.
 */
export function highlightStylesFile(): GeneratedPublicFile {
  return { relativeDest: HIGHLIGHT_STYLESHEET, contents: highlightStylesheet() };
}
