import type { HighlightPainter } from '../page/highlighter';
import type { ClaimCardProps } from '../ui/card/ClaimCard';
import type { Rect } from '../ui/card/placement';
import { HoverDelay } from './hover-delay';
import type { Labeled } from './labeler';

/** One pointer hit test per frame at most. */
const POINTER_CHECK_EVERY_MS = 16;

/** The card on the page (card-host.tsx, with Preact), as the controller drives it. */
export interface CardSurface {
  readonly host: HTMLElement;
  contains(target: EventTarget | null): boolean;
  /**
   * `key` names the sentence: a card for another sentence starts afresh (nothing left expanded). With
   * `waiting`, the card is rendered and laid out in its place but not seen until `reveal`.
   */
  show(
    anchorRects: () => Rect[],
    props: Omit<ClaimCardProps, 'onClose'>,
    onClose: () => void,
    options: { key: string; waiting?: boolean },
  ): void;
  reveal(): void;
  ensureShown(): boolean;
  focusFirst(): void;
  hasFocus(): boolean;
  hide(): void;
  destroy(): void;
}

/** Loads the card's module (claim-lens-card.js) and makes a card for a document. */
export type LoadCard = () => Promise<(doc: Document) => CardSurface>;

interface OpenRequest {
  item: Labeled;
  focus?: boolean;
  expandClaimId?: string;
  /** Asked for by the end of a hover delay (so the pointer leaving withdraws it). */
  fromHover?: boolean;
}

/**
 * Pointer, tap and keys → the card. Highlights are not elements, so nothing on the page gains a tab stop:
 * the pointer finds the claim under it (one hit test per frame, through the painter's own ranges), a tap opens it,
 * and the keyboard moves from claim to claim with the extension's shortcut (moveBy). Escape closes the
 * card and puts focus back where it was. The card's code (Preact and the card) is loaded when the pointer
 * first reaches a labeled sentence, during the hover delay, or on the first tap, key or popup jump: a
 * reader who never opens a card never pays for it.
 */
export class CardController {
  private card: CardSurface | undefined;
  private cardLoading: Promise<CardSurface | undefined> | undefined;
  /** A card asked for while its code was still loading. */
  private pending: OpenRequest | undefined;
  private items: Labeled[] = [];
  private openFor: Labeled | undefined;
  /** The card made ready, unseen, while the hover delay runs for this sentence. */
  private waitingFor: Labeled | undefined;
  private readonly hover = new HoverDelay<Labeled>({
    prepare: (item) => this.prepare(item),
    open: (item) => this.open(item, { fromHover: true }),
    close: () => this.close(),
  });
  private pointerFrame = 0;
  private lastPointerCheck = Number.NEGATIVE_INFINITY;
  /** Where the pointer is, and when it got there (the event's time, which precedes its delivery). */
  private pointer: { x: number; y: number; at: number } | undefined;
  /** Where focus was before the card took it, to give it back. */
  private returnFocusTo: HTMLElement | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter<Labeled>,
    private readonly propsFor: (item: Labeled, expandClaimId?: string) => Omit<ClaimCardProps, 'onClose'>,
    private readonly enabled: () => boolean,
    private readonly loadCard: LoadCard,
  ) {
    const options = { capture: true, passive: true, signal: this.abort.signal };
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), options);
    doc.addEventListener('pointerdown', (e) => this.onPointerDown(e), options);
    // Out of the window (or into a frame): no sentence is under the pointer any more.
    doc.addEventListener('pointerout', (e) => e.relatedTarget === null && this.pointerLeftClaims(), options);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal: this.abort.signal });
  }

  /** The card's host element, so our own mutations and UI can be told apart from the page's. */
  get host(): HTMLElement | undefined {
    return this.card?.host;
  }

  get openItem(): Labeled | undefined {
    return this.openFor;
  }

  /**
   * New labels after a scan. An open card stays open when its sentence is still labeled (same text and
   * claims), re-anchored to the new ranges; otherwise it closes.
   */
  setItems(items: Labeled[]): void {
    this.items = items;
    // A rescan makes new items for the same sentences: the hover under way follows its sentence by key.
    const renewed = (old: Labeled) => items.find((item) => item.key === old.key);
    if (this.hover.target) {
      const target = renewed(this.hover.target);
      if (target) this.hover.target = target;
      else this.hover.cancel();
    }
    if (this.waitingFor) {
      const waiting = renewed(this.waitingFor);
      if (!waiting) this.dropWaiting();
      else if (!this.openFor) {
        this.waitingFor = waiting;
        this.painter.setActive(waiting);
      }
    }
    const open = this.openFor;
    if (!open) return;
    const same = items.find((item) => item.key === open.key);
    if (!same) {
      this.close();
      return;
    }
    this.openFor = same;
    this.painter.setActive(same);
  }

  open(item: Labeled, { focus = false, expandClaimId, fromHover }: Omit<OpenRequest, 'item'> = {}): void {
    this.hover.cancel();
    const card = this.card;
    if (!card) {
      this.pending = { item, focus, expandClaimId, fromHover };
      void this.cardReady().then(() => {
        const request = this.pending;
        this.pending = undefined;
        // A rescan while the code loaded makes new items for the same sentences: find it by its key.
        const item = request && this.items.find((i) => i.key === request.item.key);
        if (item && this.card) this.open(item, request);
      });
      return;
    }
    if (focus && !card.hasFocus()) {
      const active = this.doc.activeElement;
      this.returnFocusTo = active instanceof HTMLElement && !card.contains(active) ? active : undefined;
    }
    if (this.waitingFor === item && !expandClaimId) {
      this.waitingFor = undefined;
      this.openFor = item;
      card.reveal();
    } else if (this.openFor !== item || expandClaimId) {
      this.waitingFor = undefined;
      this.openFor = item;
      this.painter.setActive(item);
      card.show(this.anchorRects, this.propsFor(item, expandClaimId), () => this.close(true), {
        key: item.key,
      });
    }
    if (focus) card.focusFirst();
  }

  close(restoreFocus = false): void {
    this.hover.cancel();
    this.pending = undefined;
    if (this.waitingFor) this.dropWaiting();
    if (!this.openFor) return;
    const hadFocus = this.card?.hasFocus() ?? false;
    this.openFor = undefined;
    this.painter.setActive(undefined);
    this.card?.hide();
    const back = this.returnFocusTo;
    this.returnFocusTo = undefined;
    if ((restoreFocus || hadFocus) && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The next or previous labeled sentence after the open one (or after the top of the viewport). */
  moveBy(direction: 1 | -1): boolean {
    if (this.items.length === 0) return false;
    let index = this.openFor ? this.items.indexOf(this.openFor) : -1;
    if (index === -1) {
      const below = this.items.findIndex((item) => (this.painter.rectsOf(item)[0]?.top ?? -1) >= 0);
      index = direction === 1 ? (below === -1 ? -1 : below - 1) : below === -1 ? this.items.length : below;
    }
    const next = this.items[(index + direction + this.items.length) % this.items.length]!;
    this.scrollTo(next);
    this.open(next, { focus: true });
    return true;
  }

  /** From the popup: scroll to a sentence and open its card with that claim expanded. */
  openById(id: string, expandClaimId?: string): boolean {
    const item = this.items.find((l) => l.id === id);
    if (!item) return false;
    this.scrollTo(item);
    this.open(item, { focus: true, expandClaimId });
    return true;
  }

  /** Puts back the card's host if the page removed it while open. */
  repair(): boolean {
    return this.card?.ensureShown() ?? false;
  }

  destroy(): void {
    this.abort.abort();
    this.hover.cancel();
    cancelAnimationFrame(this.pointerFrame);
    this.painter.setActive(undefined);
    this.card?.destroy();
    this.card = undefined;
    this.pending = undefined;
    this.openFor = undefined;
    this.waitingFor = undefined;
  }

  /** The card, its code loaded once; undefined if it cannot load (the extension went away). */
  private cardReady(): Promise<CardSurface | undefined> {
    this.cardLoading ??= this.loadCard().then(
      (create) => {
        if (!this.abort.signal.aborted) this.card ??= create(this.doc);
        return this.card;
      },
      (error: unknown) => {
        console.warn('[Claim Lens] could not load the card:', error);
        this.cardLoading = undefined;
        return undefined;
      },
    );
    return this.cardLoading;
  }

  private scrollTo(item: Labeled): void {
    const first = item.spans[0]?.node.parentElement;
    first?.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
    const rect = this.painter.rectsOf(item)[0];
    const view = this.doc.defaultView;
    if (rect && view && (rect.top < 0 || rect.bottom > view.innerHeight)) {
      view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    }
  }

  /** The sentence of the open (or waiting) card, as the page's labels have it now. */
  private readonly anchorRects = (): Rect[] => {
    const item = this.openFor ?? this.waitingFor;
    return item ? this.painter.rectsOf(item) : [];
  };

  /**
   * While the hover delay runs and no card is open, the card for the sentence under the pointer is
   * rendered and laid out unseen, so opening it when the delay ends costs a repaint, not a layout. A card
   * whose code is still loading is made ready when it arrives, if the pointer is still on that sentence.
   */
  private prepare(item: Labeled): void {
    if (this.openFor || this.waitingFor === item) return;
    const card = this.card;
    if (!card) {
      void this.cardReady().then(() => {
        if (this.hover.target === item && !this.openFor && this.card) this.prepare(item);
      });
      return;
    }
    this.waitingFor = item;
    card.show(this.anchorRects, this.propsFor(item), () => this.close(true), {
      key: item.key,
      waiting: true,
    });
    // The sentence is marked as the one whose card is coming, after its place was read: a change to the
    // page's highlights makes the next read of a layout box recalculate the page's style.
    this.painter.setActive(item);
  }

  private dropWaiting(): void {
    this.waitingFor = undefined;
    if (this.openFor) return;
    this.card?.hide();
    this.painter.setActive(undefined);
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.card?.contains(event.target)) {
      this.hover.cancel();
      return;
    }
    this.pointer = { x: event.clientX, y: event.clientY, at: event.timeStamp };
    if (this.pointerFrame) return;
    // Throttled to one hit test per frame, on the leading edge: the first move is tested at once (a
    // frame's wait would add to the card's opening), the moves that follow within a frame once at its end.
    if (performance.now() - this.lastPointerCheck >= POINTER_CHECK_EVERY_MS) {
      this.checkPointer();
      return;
    }
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.checkPointer();
    });
  }

  private checkPointer(): void {
    this.lastPointerCheck = performance.now();
    const point = this.pointer;
    if (!point || !this.enabled() || this.items.length === 0) return;
    const item = this.painter.itemAt(point.x, point.y);
    if (item) {
      // The hover delay is long enough to load the card's code.
      if (!this.card) void this.cardReady();
      if (item !== this.openFor) this.hover.openSoon(item, point.at);
      else this.hover.cancel();
    } else this.pointerLeftClaims();
  }

  /** No labeled sentence under the pointer: an open card closes soon; one about to open stays closed. */
  private pointerLeftClaims(): void {
    if (this.openFor) {
      if (!this.card?.hasFocus()) this.hover.closeSoon();
    } else if (this.hover.target || this.pending?.fromHover) {
      this.hover.cancel();
      if (this.pending?.fromHover) this.pending = undefined;
      if (this.waitingFor) this.dropWaiting();
    }
  }

  /** A tap (or click) on a labeled sentence opens its card at once; anywhere else closes it. */
  private onPointerDown(event: PointerEvent): void {
    if (this.card?.contains(event.target) || !this.enabled()) return;
    const item = this.items.length > 0 ? this.painter.itemAt(event.clientX, event.clientY) : undefined;
    if (item) this.open(item);
    else this.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.openFor) return;
    const inCard = this.card?.contains(event.target) ?? false;
    if (inCard) event.stopPropagation();
    this.close(true);
  }
}
