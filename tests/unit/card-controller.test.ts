import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, type CardSurface } from '../../src/content/card-controller';
import type { Labeled } from '../../src/content/labeler';
import type { HighlightPainter } from '../../src/page/highlighter';

/**
 * The hover logic of the card controller, with a recording card surface and painter (the real card and
 * painter are driven in the browser by the end-to-end tests): what opens, when, and for which sentence.
 */

interface Recorded {
  state: 'hidden' | 'waiting' | 'shown';
  key?: string;
}

function setup({ codeLoads = 'at once' }: { codeLoads?: 'at once' | 'later' } = {}) {
  const card: Recorded = { state: 'hidden' };
  const surface: CardSurface = {
    host: document.createElement('div'),
    contains: () => false,
    show(_anchor, _props, _onClose, { key, waiting }) {
      card.state = waiting ? 'waiting' : 'shown';
      card.key = key;
    },
    reveal() {
      card.state = 'shown';
    },
    ensureShown: () => false,
    focusFirst() {},
    hasFocus: () => false,
    hide() {
      card.state = 'hidden';
    },
    destroy() {},
  };
  let under: Labeled | undefined;
  let active: Labeled | undefined;
  const painter = {
    itemAt: () => under,
    rectsOf: () => [],
    setActive: (item: Labeled | undefined) => {
      active = item;
    },
  } as unknown as HighlightPainter<Labeled>;
  let arrive: () => void = () => undefined;
  const loadCard = () =>
    codeLoads === 'at once'
      ? Promise.resolve(() => surface)
      : new Promise<(doc: Document) => CardSurface>((resolve) => {
          arrive = () => resolve(() => surface);
        });
  const controller = new CardController(
    document,
    painter,
    () => ({}) as never,
    () => true,
    loadCard,
  );
  /** The pointer moves onto `item` (or off every sentence). */
  const pointTo = (item: Labeled | undefined) => {
    under = item;
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 1, clientY: 1 }));
    // The frame in which a throttled pointer test runs.
    vi.advanceTimersByTime(20);
  };
  /** Labels `item` only, and rests the pointer on it past the moment its card is made ready. */
  const restOn = async (item: Labeled) => {
    controller.setItems([item]);
    pointTo(item);
    await settle();
    vi.advanceTimersByTime(40);
  };
  return { controller, card, pointTo, restOn, active: () => active, codeArrives: () => arrive() };
}

const sentence = (key: string) => ({ key, id: key, spans: [] }) as unknown as Labeled;
/** Lets promise callbacks (the card's code arriving) run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] }));
afterEach(() => vi.useRealTimers());

describe('the card on hover', () => {
  it('is made ready unseen while the pointer rests, and shown when the delay ends', async () => {
    const { controller, card, restOn, active } = setup();
    const a = sentence('a');
    await restOn(a);
    expect(card).toEqual({ state: 'waiting', key: 'a' });
    expect(controller.openItem).toBeUndefined();
    vi.advanceTimersByTime(80);
    expect(card.state).toBe('shown');
    expect(controller.openItem).toBe(a);
    expect(active()).toBe(a);
  });

  it('stays closed for a pointer that passes by, and leaves no mark', async () => {
    const { controller, card, pointTo, restOn, active } = setup();
    const a = sentence('a');
    await restOn(a);
    pointTo(undefined);
    vi.advanceTimersByTime(500);
    expect(card.state).toBe('hidden');
    expect(controller.openItem).toBeUndefined();
    expect(active()).toBeUndefined();
  });

  it('follows its sentence through a rescan during the delay, and opens nothing when the sentence is gone', async () => {
    const { controller, card, restOn, active } = setup();
    const a = sentence('a');
    await restOn(a);
    const renewed = sentence('a');
    controller.setItems([renewed]);
    vi.advanceTimersByTime(80);
    expect(controller.openItem).toBe(renewed);
    expect(active()).toBe(renewed);
    expect(card.state).toBe('shown');

    const other = setup();
    await other.restOn(sentence('b'));
    other.controller.setItems([]);
    vi.advanceTimersByTime(200);
    expect(other.controller.openItem).toBeUndefined();
    expect(other.card.state).toBe('hidden');
    expect(other.active()).toBeUndefined();
  });

  it('withdraws an open asked for while the card’s code loads when the pointer leaves first', async () => {
    const { controller, card, pointTo, codeArrives } = setup({ codeLoads: 'later' });
    const a = sentence('a');
    controller.setItems([a]);
    pointTo(a);
    vi.advanceTimersByTime(130);
    pointTo(undefined);
    codeArrives();
    await settle();
    expect(controller.openItem).toBeUndefined();
    expect(card.state).toBe('hidden');
  });
});
