import { pageMentionsDeepSeek, titleMentionsDeepSeek } from '../page/mentions';
import { debounceWithMaxWait } from '../page/schedule';
import { isDocumentOffLimits } from '../page/skip-rules';
import { backgroundToContent, type PageFindings, popupToContent } from '../platform/protocol';
import type { GateReason } from './gate';
import { createLifetime, type Lifetime } from './lifetime';

/** How long the page must be quiet before new content is checked again, and the longest we wait. */
const RECHECK_QUIET_MS = 500;
const RECHECK_MAX_WAIT_MS = 2000;
/** The popup waits this long at most for a labeler that is still loading. */
const HAND_OVER_TIMEOUT_MS = 4000;

/** What the labeler answers once it runs; until then the watcher answers for the page. */
export interface PageAnswers {
  findings(): PageFindings | Promise<PageFindings>;
  focus(target: { highlightId: string; claimId?: string }): boolean;
  move(direction: 'next' | 'previous'): boolean;
}

export type StartLabeling = (
  lifetime: Lifetime,
  handOver: (answers: PageAnswers) => void,
) => void | Promise<void>;

/** What claim-lens-watch.js (and claim-lens-watch-labeler.js) registers: the watcher. */
export type WatchPage = (read: GateReason) => void;

const nothingHere = (): PageFindings => ({
  url: location.href,
  title: document.title,
  status: 'no-mention',
  findings: [],
});

/**
 * The page checked (`title`: its title or address named DeepSeek; `whole text`: a reader is there, so all
 * of its text is checked), and while it does not mention DeepSeek, a mutation observer that checks again
 * when the page changes (late article bodies, client-side navigation). Only when the page mentions
 * DeepSeek is the labeling module loaded (extraction, painting, the card on demand). From
 * here the watcher owns the popup's questions for the page's whole life, so there is never a moment without
 * an answer: before hand-over it answers itself, while the labeler loads it waits for it.
 */
export function watchPage(loadLabeling: () => Promise<StartLabeling>, read: GateReason): void {
  const lifetime = createLifetime();
  if (!lifetime.alive) return;
  let started = false;
  let answers: PageAnswers | undefined;
  let handedOver: (answers: PageAnswers) => void = () => undefined;
  const ready = new Promise<PageAnswers>((resolve) => {
    handedOver = resolve;
  });
  const handOver = (labelerAnswers: PageAnswers) => {
    answers = labelerAnswers;
    handedOver(labelerAnswers);
  };

  const unsubscribe: (() => void)[] = [];
  const listen = () => {
    if (!lifetime.alive) return;
    // Only the top frame answers the popup: one page, one answer (frames label on their own).
    if (window === window.top) {
      unsubscribe.push(
        popupToContent.onMessage('getFindings', async () => {
          if (answers) return answers.findings();
          if (!started) return nothingHere();
          const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, HAND_OVER_TIMEOUT_MS));
          const labeler = await Promise.race([ready, timeout]);
          return labeler ? labeler.findings() : nothingHere();
        }),
        popupToContent.onMessage('focusHighlight', ({ data }) => answers?.focus(data) ?? false),
      );
    }
    unsubscribe.push(
      backgroundToContent.onMessage('moveToClaim', ({ data }) => answers?.move(data) ?? false),
    );
  };
  // The first use of the extension's messaging costs several ms (its bindings are made then): a task of
  // its own. A popup asking in that moment finds no answer, as it would a moment before the gate ran.
  setTimeout(listen, 0);

  const check = () => {
    if (started || !lifetime.alive || isDocumentOffLimits(document)) return;
    // After a title mention, the title and address are enough; later checks (the page changed) read it all.
    if (read === 'title' ? !titleMentionsDeepSeek(document) : !pageMentionsDeepSeek(document)) return;
    started = true;
    observer.disconnect();
    loadLabeling()
      .then((start) => (lifetime.alive ? start(lifetime, handOver) : undefined))
      .catch((error: unknown) => console.warn('[Claim Lens] could not load the labeler:', error));
  };
  const recheck = debounceWithMaxWait(
    () => {
      read = 'whole text';
      check();
    },
    RECHECK_QUIET_MS,
    RECHECK_MAX_WAIT_MS,
  );
  const observer = new MutationObserver(() => recheck.schedule());
  lifetime.onEnd(() => {
    observer.disconnect();
    recheck.cancel();
  });
  lifetime.onEnd(() => {
    for (const stop of unsubscribe) stop();
  });
  check();
  if (!started)
    // The document, not its <html>: document.open() (an about:blank frame written by its parent) replaces <html>.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
}
