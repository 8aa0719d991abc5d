import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/ui/card/placement';

const viewport = { width: 1280, height: 800 };
const card = { width: 380, height: 300 };

describe('placeCard', () => {
  it('goes below the highlight when it fits', () => {
    const p = placeCard({ top: 100, bottom: 120, left: 200, right: 600 }, card, viewport);
    expect(p).toMatchObject({ side: 'below', top: 128, left: 200 });
  });

  it('goes above when there is no room below', () => {
    const p = placeCard({ top: 600, bottom: 620, left: 200, right: 600 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(600);
  });

  it('never covers the highlight and stays inside the viewport', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 780 }),
        fc.integer({ min: 10, max: 60 }),
        fc.integer({ min: 0, max: 1270 }),
        fc.integer({ min: 80, max: 700 }),
        (top, height, left, cardHeight) => {
          const anchor = { top, bottom: Math.min(800, top + height), left, right: Math.min(1280, left + 40) };
          const p = placeCard(anchor, { width: 380, height: cardHeight }, viewport);
          const shown = Math.min(cardHeight, p.maxHeight);
          const overlapsVertically = p.top < anchor.bottom && anchor.top < p.top + shown;
          expect(overlapsVertically).toBe(false);
          expect(p.left).toBeGreaterThanOrEqual(8);
          expect(p.left + 380).toBeLessThanOrEqual(1280 - 8);
        },
      ),
    );
  });
});
