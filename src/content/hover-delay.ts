/**
 * When a pointer resting on a labeled sentence opens its card, and when leaving it closes the card. A
 * pointer passing by opens nothing: the card opens once it has rested HOVER_OPEN_DELAY_MS, counted from
 * the pointer event's own time; at HOVER_PREPARE_DELAY_MS the card is made ready unseen, so the rest of
 * the delay covers its layout. The timers always act on the current target, which a rescan may renew.
 */

const HOVER_OPEN_DELAY_MS = 120;
const HOVER_CLOSE_DELAY_MS = 300;
/** A pointer sweeping across the text makes no card at all. */
const HOVER_PREPARE_DELAY_MS = 40;
/** Pointer events reach the page up to a frame after they happen; the delay makes up at most this. */
const MAX_INPUT_LAG_MS = 20;

export class HoverDelay<T> {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private prepareTimer: ReturnType<typeof setTimeout> | undefined;
  /** The sentence the running open delay is for. */
  target: T | undefined;

  constructor(private readonly actions: { prepare(target: T): void; open(target: T): void; close(): void }) {}

  /** The pointer arrived on `target` at `eventTime` (a pointer event's timeStamp). */
  openSoon(target: T, eventTime: number): void {
    this.cancel();
    this.target = target;
    const late = Math.min(MAX_INPUT_LAG_MS, Math.max(0, performance.now() - eventTime));
    this.openTimer = setTimeout(() => {
      const current = this.target;
      this.target = undefined;
      if (current) this.actions.open(current);
    }, HOVER_OPEN_DELAY_MS - late);
    this.prepareTimer = setTimeout(() => {
      if (this.target) this.actions.prepare(this.target);
    }, HOVER_PREPARE_DELAY_MS);
  }

  /** The pointer left the open card's sentence. */
  closeSoon(): void {
    this.cancel();
    this.openTimer = setTimeout(() => this.actions.close(), HOVER_CLOSE_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.prepareTimer);
    this.target = undefined;
  }
}
