import { titleMentionsDeepSeek } from '../page/mentions';

/** How the gate found the page, for the watcher it loads (src/content/page-watch.ts). */
export type GateReason = 'title' | 'whole text';

/**
 * Signs that a reader is on the page: then, and only then, is a page whose title and address do not name
 * DeepSeek read (its whole text), watched for changes, and ready to answer the popup. Until then it costs
 * one test of its title and nothing else: no page text, no observer, no extension API (each first use
 * costs about a millisecond here, on every page and frame). Pointer, touch and keys; `scroll` for
 * scrolling by any means; `blur` for focus leaving (opening the popup); `popstate` and `hashchange` for a
 * client-side navigation; and, in the top frame only (a tab switch would wake every ad frame),
 * `visibilitychange`.
 */
export const READER_EVENTS = [
  'pointermove',
  'pointerdown',
  'keydown',
  'scroll',
  'blur',
  'popstate',
  'hashchange',
];
export const TOP_FRAME_EVENTS = ['visibilitychange'];

/**
 * The manifest content script, on every page and frame. At load, only `titleMentionsDeepSeek`; when it
 * fails, it waits for a reader (READER_EVENTS). From a mention or a reader on, the watcher (a module of
 * its own, so this stays small) checks, watches and answers; it is loaded once per frame.
 */
export function startGate(loadWatcher: (read: GateReason) => void): void {
  let loaded = false;
  const load = (read: GateReason) => {
    if (loaded) return;
    loaded = true;
    loadWatcher(read);
  };
  const wait = () => {
    if (titleMentionsDeepSeek(document)) {
      load('title');
      return;
    }
    const types = window === window.top ? [...READER_EVENTS, ...TOP_FRAME_EVENTS] : READER_EVENTS;
    const options = { capture: true, passive: true } as const;
    const stopWaiting = () => {
      written?.disconnect();
      for (const type of types) window.removeEventListener(type, readerArrived, options);
    };
    const readerArrived = () => {
      stopWaiting();
      // Not in the reader's event: a task of its own, so the first key press or scroll is not delayed.
      setTimeout(() => load('whole text'), 0);
    };
    for (const type of types) window.addEventListener(type, readerArrived, options);
    // A frame its parent writes into (document.open()) gets its text after we ran, and document.open()
    // erases our listeners: once its document is replaced, wait again (the document's own children only).
    const written =
      document.URL === 'about:blank'
        ? new MutationObserver(() => {
            stopWaiting();
            setTimeout(wait, 0);
          })
        : undefined;
    written?.observe(document, { childList: true });
  };
  wait();
}
