import type { PageTheme } from './mark-styles';

/**
 * Whether the article sits on a dark background, where light fills all but vanish. Read once per labeling
 * from the computed background of the article root and its ancestors (the first one that paints one).
 */
export function pageTheme(root: Element): PageTheme {
  const view = root.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let el: Element | null = root; el !== null; el = el.parentElement) {
    const rgba = /rgba?\(([^)]+)\)/.exec(view.getComputedStyle(el).backgroundColor);
    if (!rgba) continue;
    const [r = 255, g = 255, b = 255, a = 1] = rgba[1]!
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number);
    if (a < 0.5) continue;
    // Relative luminance, roughly: below the middle grey the page is dark.
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return 'light';
}
