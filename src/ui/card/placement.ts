/**
 * Where to put the card: below the highlighted text if it fits, else above, never over the text itself,
 * always inside the viewport. Pure so it can be tested without layout.
 */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Height available on the chosen side; the card scrolls internally beyond it. */
  maxHeight: number;
}

const GAP = 8;
const MARGIN = 8;

export function unionRect(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  return rects.reduce((u, r) => ({
    top: Math.min(u.top, r.top),
    left: Math.min(u.left, r.left),
    bottom: Math.max(u.bottom, r.bottom),
    right: Math.max(u.right, r.right),
  }));
}

export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const spaceBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  const maxHeight = Math.max(120, side === 'below' ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  return { top: Math.round(top), left: Math.round(left), side, maxHeight: Math.round(maxHeight) };
}
