import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import toastCss from './undo-toast.css?inline';

export const TOAST_TAG = 'claim-lens-toast';
/** Long enough to read and reach by keyboard; paused while the pointer or focus is on it. */
const TOAST_MS = 10_000;

export interface UndoToastOptions {
  message: string;
  onUndo?: () => void;
  /** "Tell us why": the only way a "Not this claim" becomes a correction. */
  onExplain?: () => void;
}

function Toast({ message, onUndo, onExplain, onDone }: UndoToastOptions & { onDone(): void }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const arm = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(onDone, TOAST_MS);
  };
  useEffect(() => {
    // Focus moves here, so a keyboard reader who pressed "Not this claim" is one Enter away from undoing it.
    (undoRef.current ?? undefined)?.focus({ preventScroll: true });
    arm();
    return () => clearTimeout(timer.current);
  }, []);
  return (
    <div
      class="toast"
      role="status"
      onMouseEnter={() => clearTimeout(timer.current)}
      onMouseLeave={arm}
      onFocusIn={() => clearTimeout(timer.current)}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <span class="toast-text">{message}</span>
      {onUndo && (
        <button
          type="button"
          ref={undoRef}
          onClick={() => {
            onUndo();
            onDone();
          }}
        >
          Undo
        </button>
      )}
      {onExplain && (
        <button
          type="button"
          onClick={() => {
            onExplain();
            onDone();
          }}
        >
          Tell us why
        </button>
      )}
      <button type="button" class="toast-close" aria-label="Dismiss" onClick={onDone}>
        ×
      </button>
    </div>
  );
}

/**
 * A small on-page notice with an undo, in its own shadow root and (where supported) the top layer, so
 * page CSS and stacking cannot hide it. One at a time: a new one replaces the old.
 */
export function showUndoToast(doc: Document, options: UndoToastOptions): () => void {
  let host = doc.querySelector<HTMLElement>(TOAST_TAG);
  if (!host) {
    host = doc.createElement(TOAST_TAG);
    host.setAttribute('popover', 'manual');
    for (const [prop, value] of [
      ['position', 'fixed'],
      ['inset', 'auto 0 16px 0'],
      ['margin', '0 auto'],
      ['width', 'fit-content'],
      ['max-width', 'calc(100vw - 16px)'],
      ['border', '0'],
      ['padding', '0'],
      ['background', 'transparent'],
      ['overflow', 'visible'],
      ['z-index', '2147483647'],
    ] as const) {
      host.style.setProperty(prop, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = toastCss;
    shadow.append(style, doc.createElement('div'));
    doc.documentElement.append(host);
  }
  const mount = host.shadowRoot!.lastElementChild as HTMLElement;
  const toastHost = host;
  const done = () => {
    render(null, mount);
    if (toastHost.matches(':popover-open')) toastHost.hidePopover();
    toastHost.remove();
  };
  render(null, mount);
  render(<Toast {...options} onDone={done} />, mount);
  if (typeof toastHost.showPopover === 'function' && !toastHost.matches(':popover-open'))
    toastHost.showPopover();
  return done;
}
