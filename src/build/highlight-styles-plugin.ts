import type { Plugin } from 'vite';
import { highlightStylesheet } from '../page/mark-styles';

const ID = 'virtual:claim-lens-highlights.css';

/**
 * The ::highlight() rules as a CSS module the content script imports, so WXT ships them as the content
 * script's manifest stylesheet (injected by the browser into every frame; pages can neither see nor
 * remove it). Generated from the tier styles, so the colours and underlines have one source.
 */
export function highlightStylesPlugin(): Plugin {
  return {
    name: 'claim-lens-highlight-styles',
    resolveId: (id) => (id === ID ? `/${ID}` : undefined),
    load: (id) => (id === `/${ID}` ? highlightStylesheet() : undefined),
  };
}
