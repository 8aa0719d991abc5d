import { titleMentionsDeepSeek } from '../page/mentions';

/** How the gate found the page, for the watcher it loads (src/content/page-watch.ts). */
export type GateReason = 'title' | 'whole text';

/**
 * Signs that a reader is on the page: then, and only then, is a page whose title and address do not name
 * DeepSeek read (its whole text), watched for changes, and ready to answer the popup. Until then it costs
 * one test of its title and nothing else: no page text, no observer, no extension API (each first use
 * costs about a millisecond here, on every page and frame); ad frames and tabs nobody looks at never pay
 * more. `scroll` stands for touch, wheel and keyboard reading; `blur` and `visibilitychange` for opening
 * the popup or switching away.
 */
const READER_EVENTS = ['pointermove', 'scroll', 'blur', 'visibilitychange'] as const;

/**
 * The manifest content script, on every page and frame. At load, only `titleMentionsDeepSeek`; when it
 * fails, it waits for a reader (READER_EVENTS). From a mention or a reader on, the watcher (a module of
 * its own, so this stays a few hundred bytes) checks, watches and answers.
 */
export function startGate(loadWatcher: (read: GateReason) => void): void {
  if (titleMentionsDeepSeek(document)) {
    loadWatcher('title');
    return;
  }
  const options = { capture: true, passive: true } as const;
  const stopWaiting = () => {
    for (const type of READER_EVENTS) window.removeEventListener(type, readerArrived, options);
  };
  const readerArrived = () => {
    stopWaiting();
    // Not in the reader's event: a task of its own, so the first scroll is not delayed.
    setTimeout(() => loadWatcher('whole text'), 0);
  };
  for (const type of READER_EVENTS) window.addEventListener(type, readerArrived, options);
  if (document.URL === 'about:blank') {
    // A frame its parent writes into (document.open()) gets its text after we ran, and document.open()
    // erases our listeners: once it has been written to, start again.
    const written = new MutationObserver(() => {
      written.disconnect();
      stopWaiting();
      setTimeout(() => startGate(loadWatcher), 0);
    });
    written.observe(document, { childList: true, subtree: true });
  }
}
