import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { createShadowHost, hideShadowHost, type ShadowHost, showShadowHost } from '../../page/shadow-host';
import toastCss from './undo-toast.css?inline';

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

/** The one toast host of a document; found by identity, never by a selector the page could forge. */
const hosts = new WeakMap<Document, ShadowHost>();

/**
 * A small on-page notice with an undo, in its own shadow root on a plain <div> (no custom element the
 * page's registry could take over) in the top layer, so page CSS and stacking cannot hide it. One at a
 * time: a new one replaces the old.
 */
export function showUndoToast(doc: Document, options: UndoToastOptions): () => void {
  let shadow = hosts.get(doc);
  if (!shadow) {
    shadow = createShadowHost(doc, 'toast', toastCss);
    // Bottom left of the viewport, where a snackbar is expected.
    shadow.host.style.setProperty('--claim-lens-bottom', '16px');
    shadow.host.style.setProperty('--claim-lens-left', '16px');
    hosts.set(doc, shadow);
  }
  const { host, mount } = shadow;
  const done = () => {
    render(null, mount);
    hideShadowHost(host);
    host.remove();
  };
  render(null, mount);
  render(<Toast {...options} onDone={done} />, mount);
  showShadowHost(host);
  return done;
}
