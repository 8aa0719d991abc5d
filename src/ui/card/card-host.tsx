import { render } from 'preact';
import { ClaimCard, type ClaimCardProps } from './ClaimCard';
import cardCss from './card.css?inline';
import { placeCard, unionRect } from './placement';

export const CARD_TAG = 'claim-lens-card';

/**
 * One shadow-root container for the hover card (the Hypothesis PreactContainer idea): page CSS cannot
 * restyle it and its CSS cannot leak out. The card is positioned next to its highlight, inside the
 * viewport, never over the highlighted words, and follows scrolling.
 */
export class CardHost {
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private anchors: HTMLElement[] = [];
  private frame = 0;
  private readonly reposition = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.place());
  };

  constructor(private readonly doc: Document) {
    this.host = doc.createElement(CARD_TAG);
    for (const [prop, value] of [
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['z-index', '2147483647'],
      ['display', 'none'],
    ]) {
      this.host.style.setProperty(prop!, value!, 'important');
    }
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
    // documentElement, not body: never touch <body>'s children order that page CSS may rely on.
    doc.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return this.anchors.length > 0;
  }

  /** Whether an event target is inside the card (events from a shadow root retarget to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  show(anchors: HTMLElement[], props: Omit<ClaimCardProps, 'onClose'>, onClose: () => void): void {
    this.anchors = anchors;
    render(<ClaimCard {...props} onClose={onClose} />, this.mount);
    this.host.style.setProperty('display', 'block', 'important');
    this.place();
    const view = this.doc.defaultView;
    view?.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    view?.addEventListener('resize', this.reposition, { passive: true });
  }

  /** Moves keyboard focus to the card's first control, so links and buttons are reachable. */
  focusFirst(): void {
    const first = this.mount.querySelector<HTMLElement>('a, button');
    first?.focus();
  }

  hide(): void {
    if (!this.isOpen) return;
    this.anchors = [];
    cancelAnimationFrame(this.frame);
    const view = this.doc.defaultView;
    view?.removeEventListener('scroll', this.reposition, { capture: true });
    view?.removeEventListener('resize', this.reposition);
    render(null, this.mount);
    this.host.style.setProperty('display', 'none', 'important');
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }

  private place(): void {
    const card = this.mount.firstElementChild as HTMLElement | null;
    const view = this.doc.defaultView;
    const anchor = unionRect(this.anchors.flatMap((el) => Array.from(el.getClientRects())));
    if (!card || !view || !anchor) return;
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const placement = placeCard(
      anchor,
      { width: size.width, height: size.height },
      { width: view.innerWidth, height: view.innerHeight },
    );
    card.style.maxHeight = `${placement.maxHeight}px`;
    this.host.style.setProperty('top', `${placement.top}px`, 'important');
    this.host.style.setProperty('left', `${placement.left}px`, 'important');
    this.host.dataset.side = placement.side;
  }
}
