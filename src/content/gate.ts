import type { ContentScriptContext } from '#imports';
import { pageMentionsDeepSeek } from '../page/mentions';
import { popupToContent } from '../platform/protocol';

/** How long the page must be quiet before new content is checked again. */
const RECHECK_DEBOUNCE_MS = 500;

export type StartLabeling = (ctx: ContentScriptContext) => void | Promise<void>;

/**
 * What runs on every page: one regex test over textContent and, while it fails, a mutation observer that
 * repeats it when the page changes (late article bodies, client-side navigation). Only when the page
 * mentions DeepSeek is the labeling module loaded (matcher, claim pack, UI); nothing else is parsed or run.
 */
export function startGate(ctx: ContentScriptContext, loadLabeling: () => Promise<StartLabeling>): void {
  let started = false;
  let timer: number | undefined;

  // Until the labeler loads, the gate answers the popup: this page has nothing for us.
  let removeFindingsListener: (() => void) | undefined = popupToContent.onMessage('getFindings', () => ({
    url: location.href,
    title: document.title,
    status: 'no-mention' as const,
    findings: [],
  }));
  const stopAnswering = () => {
    removeFindingsListener?.();
    removeFindingsListener = undefined;
  };

  const check = () => {
    if (started || ctx.isInvalid || !pageMentionsDeepSeek(document)) return;
    started = true;
    observer.disconnect();
    // The labeler registers its own answer; one listener per message type.
    stopAnswering();
    loadLabeling()
      .then((start) => (ctx.isValid ? start(ctx) : undefined))
      .catch((error: unknown) => console.warn('[Claim Lens] could not load the labeler:', error));
  };

  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = ctx.setTimeout(check, RECHECK_DEBOUNCE_MS);
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    try {
      stopAnswering();
    } catch {
      // The extension is gone; so is the listener.
    }
  });
  check();
  if (!started)
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
