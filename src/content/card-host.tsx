import { render } from 'preact';
import {
  attachShadowHost,
  createShadowHost,
  hideShadowHost,
  placeShadowHost,
  type ShadowHost,
  setShadowHostWaiting,
  showShadowHost,
} from '../page/shadow-host';
import { ClaimCard, type ClaimCardProps } from '../ui/card/ClaimCard';
import cardCss from '../ui/card/card.css?inline';
import { placeCard, type Rect, unionRect } from '../ui/card/placement';
import type { CardSurface } from './card-controller';

/**
 * The card on the page, in a shadow host of our own (page/shadow-host.ts): next to its sentence, inside
 * the viewport, never over the words, following scrolling. If the page removes the host while the card is
 * open, it is put back.
 */
export class CardHost implements CardSurface {
  private readonly ui: ShadowHost;
  private anchorRects: (() => Rect[]) | undefined;
  private frame = 0;
  private readonly reposition = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.place());
  };

  constructor(private readonly doc: Document) {
    this.ui = createShadowHost(doc, 'card', cardCss);
    // The host is made, and put in the page hidden, while the hover delay runs: the style and layout work
    // its insertion causes is then out of the way when the card opens.
    attachShadowHost(this.ui.host);
  }

  get host(): HTMLElement {
    return this.ui.host;
  }

  get isOpen(): boolean {
    return this.anchorRects !== undefined;
  }

  /** Whether an event target is the card (events from inside a shadow root retarget to its host). */
  contains(target: EventTarget | null): boolean {
    return target === this.ui.host;
  }

  show(
    anchorRects: () => Rect[],
    props: Omit<ClaimCardProps, 'onClose'>,
    onClose: () => void,
    { key, waiting = false }: { key: string; waiting?: boolean },
  ): void {
    this.anchorRects = anchorRects;
    // The sentence's rects are read before the card goes in, while the page's layout is still clean:
    // read after, they would force a layout of the whole page along with the card's.
    const anchor = unionRect(anchorRects());
    render(<ClaimCard key={key} {...props} onClose={onClose} />, this.ui.mount);
    setShadowHostWaiting(this.ui.host, waiting);
    showShadowHost(this.ui.host);
    this.place(anchor);
    const view = this.doc.defaultView;
    view?.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    view?.addEventListener('resize', this.reposition, { passive: true });
  }

  /**
   * Shows a card that `show(…, { waiting: true })` rendered, placed and laid out unseen during the hover
   * delay: only a repaint is left when the delay ends. It is placed again in case the page scrolled. (Where
   * it lives, on <html> or in an open modal dialog, was settled when it was made ready: looking again costs
   * a document query on the open path, measured by goal (e).)
   */
  reveal(): void {
    if (!this.isOpen) return;
    this.place();
    setShadowHostWaiting(this.ui.host, false);
  }

  /** Puts the host back if the page removed it while the card is open; returns whether it had to. */
  ensureShown(): boolean {
    if (!this.isOpen || (this.ui.host.isConnected && this.ui.host.matches(':popover-open'))) return false;
    showShadowHost(this.ui.host);
    this.place();
    return true;
  }

  /** Moves keyboard focus to the card's first control, so links and buttons are reachable. */
  focusFirst(): void {
    this.ui.mount.querySelector<HTMLElement>('button, a[href], summary, [tabindex="0"]')?.focus();
  }

  hasFocus(): boolean {
    return this.ui.root.activeElement != null;
  }

  hide(): void {
    this.anchorRects = undefined;
    cancelAnimationFrame(this.frame);
    const view = this.doc.defaultView;
    view?.removeEventListener('scroll', this.reposition, { capture: true });
    view?.removeEventListener('resize', this.reposition);
    render(null, this.ui.mount);
    hideShadowHost(this.ui.host);
  }

  destroy(): void {
    this.hide();
    this.ui.host.remove();
  }

  private place(anchor = unionRect(this.anchorRects?.() ?? [])): void {
    const card = this.ui.mount.firstElementChild as HTMLElement | null;
    const view = this.doc.defaultView;
    if (!card || !view || !anchor) return;
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const placement = placeCard(
      anchor,
      { width: size.width, height: size.height },
      { width: view.innerWidth, height: view.innerHeight },
    );
    card.style.maxHeight = `${placement.maxHeight}px`;
    placeShadowHost(this.ui.host, placement);
  }
}
