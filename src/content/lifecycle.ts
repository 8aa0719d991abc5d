import { type ClaimLookup, lookupOf, type MatchAnswer } from '../core/match/answer';
import type { Settings } from '../core/settings/schema';
import { labelingAllowed } from '../core/settings/site-rules';
import { HighlightPainter, supportsHighlights } from '../page/highlighter';
import { pageMentionsDeepSeek } from '../page/mentions';
import { pageTheme } from '../page/page-theme';
import { readPublicationDate } from '../page/published-date';
import { debounceWithMaxWait, runInSlices, yieldToPage } from '../page/schedule';
import { isDocumentOffLimits } from '../page/skip-rules';
import {
  badgeStateOf,
  contentToBackground,
  contentToPopup,
  fromJson,
  type MatchRequest,
  type PageFindings,
  type PageStatus,
  toJson,
} from '../platform/protocol';
import { CardController } from './card-controller';
import type { ClaimLensHooks, KnownClaims } from './hooks';
import {
  filterFromSettings,
  type Labeled,
  labelMatchesInSteps,
  matchInputOf,
  readArticleInSteps,
  textSignature,
} from './labeler';
import type { Lifetime } from './lifetime';
import type { PageAnswers } from './page-watch';

/** How long the page must be quiet before new content is scanned, and the longest we ever wait. */
const QUIET_MS = 400;
const MAX_WAIT_MS = 1500;
/** A page whose changes never change the labels (a live counter) is re-read less and less often. */
const MAX_BACKOFF_MS = 8000;
/**
 * How often a labeled page is checked for highlights or the card host the page took away; each round also
 * asks whether the extension is still there, so an orphaned labeler cleans up.
 */
const REPAIR_EVERY_MS = 2000;

/** The host name site rules apply to; an about:srcdoc or about:blank frame belongs to its creator's site. */
function siteHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

/**
 * The page lifecycle: when to scan (observers, debounces with a maximum wait, navigation), what the popup
 * and badge are told, and clean-up when the extension goes away. Scanning is the labeler's, painting the
 * highlighter's, the card the card controller's.
 */
export function startClaimLens(
  lifetime: Lifetime,
  hooks: ClaimLensHooks,
  handOver: (answers: PageAnswers) => void,
) {
  const doc = document;
  const isTopFrame = window === window.top;
  if (!supportsHighlights(window)) {
    console.info(
      '[Claim Lens] This browser cannot paint highlights without changing the page (no CSS Custom Highlight API), so Claim Lens does not label here.',
    );
  }
  let lookup: ClaimLookup | undefined;
  /** The publication date read at the last scan (reading it walks the page's <time> elements). */
  let publishedNow: ReturnType<typeof readPublicationDate> = null;
  let settings: Settings | undefined;
  let status: PageStatus = 'no-mention';
  let labeled: Labeled[] = [];
  let lastSignature = '';
  /** Bumped when settings or dismissals change: the same text must be labeled anew. */
  let filterVersion = 0;
  let scanning: Promise<void> | undefined;
  let rescanRequested = false;
  let backoff = MAX_WAIT_MS;
  let repairTimer: ReturnType<typeof setInterval> | undefined;
  const painter = new HighlightPainter<Labeled>(doc);
  const known: KnownClaims = () => ({
    version: lookup?.pack.version ?? '',
    claims: [...(lookup?.claims.values() ?? [])],
  });
  const canRun = () => lifetime.alive && doc.designMode !== 'on';

  const card = new CardController(
    doc,
    painter,
    (item, expandClaimId) => ({
      entries: item.entries,
      sources: lookup?.sources ?? new Map(),
      pack: lookup?.pack ?? { version: '', asOf: '' },
      published: publishedNow,
      page: { url: location.href, title: doc.title },
      expandClaimId,
      actions: hooks.cardActions?.(
        { claimId: item.finding.claims[0]!.claimId, text: item.finding.text },
        known,
      ),
    }),
    canRun,
    hooks.loadCard,
  );

  /** `painted`: the painter already shows `next` (painted in slices by the scan). */
  function setLabels(next: Labeled[], theme: 'light' | 'dark' = 'light', painted = false): void {
    const same = next.length === labeled.length && next.every((item, i) => item.key === labeled[i]!.key);
    backoff = same ? Math.min(backoff * 2, MAX_BACKOFF_MS) : MAX_WAIT_MS;
    labeled = next;
    if (!painted) painter.paint(next, theme);
    card.setItems(next);
    if (next.length > 0) {
      repairTimer ??= setInterval(repair, REPAIR_EVERY_MS);
    }
  }

  function clearLabels(): void {
    lastSignature = '';
    if (labeled.length === 0) return;
    setLabels([]);
    report();
  }

  /** The page may take our highlights out of CSS.highlights or remove the card's host: put them back. */
  function repair(): void {
    if (!lifetime.alive) return;
    painter.repair();
    card.repair();
  }

  async function scan(): Promise<void> {
    // The mention test comes first: a page that no longer mentions DeepSeek (a client-side navigation)
    // costs one regex test, not a storage read.
    if (isDocumentOffLimits(doc) || !pageMentionsDeepSeek(doc) || !supportsHighlights(window)) {
      status = 'no-mention';
      return clearLabels();
    }
    settings ??= await hooks.readSettings();
    if (!lifetime.alive) return;
    const allowed = labelingAllowed(settings, siteHost());
    if (allowed !== 'yes') {
      status = allowed;
      clearLabels();
      return report();
    }
    await hooks.beforeLabeling?.();
    if (!lifetime.alive) return;
    // Every stage below is its own slice (or several): no task of ours comes near a frame.
    await yieldToPage();
    // Our own UI is left out: the card's host, asked for each time (a hover can create it mid-scan).
    const skip = (el: Element) => el === card.host;
    const blocks = await runInSlices(readArticleInSteps(doc, { skip }), () => lifetime.alive);
    if (!blocks || !lifetime.alive) return;
    // Highlights do not change the text, so if the article reads the same as at the last scan (and the
    // reader's choices are the same), the mutation was elsewhere: keep the labels and the open card.
    const signature = `${filterVersion}\u0001${textSignature(blocks)}`;
    if (signature === lastSignature) {
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      return repair();
    }
    await yieldToPage();
    const published = readPublicationDate(doc);
    publishedNow = published;
    const filter = filterFromSettings(settings, hooks.isDismissed);
    const request = { blocks: matchInputOf(blocks), title: doc.title };
    // Sending copies the article's text: a task of its own.
    await yieldToPage();
    if (!lifetime.alive) return;
    const answer = await match(request);
    if (!answer || !lifetime.alive) return;
    lookup = lookupOf(answer);
    await yieldToPage();
    if (!lifetime.alive) return;
    const next = await runInSlices(
      labelMatchesInSteps(blocks, answer.matches, lookup, filter, { articleDate: published?.date ?? null }),
      () => lifetime.alive,
    );
    if (!next) return;
    await yieldToPage();
    if (!lifetime.alive) return;
    // The page changed while we matched in slices; then the spans may be stale: read again soon.
    if (!blocks.every((b) => b.element.isConnected)) return schedule.schedule(0);
    const theme = next.length > 0 ? pageTheme(blocks[0]!.element) : 'light';
    await runInSlices(painter.paintInSteps(next, theme), () => lifetime.alive);
    if (!lifetime.alive) return;
    lastSignature = signature;
    status = 'labeled';
    setLabels(next, theme, true);
    observeShadowRoots(next);
    report();
  }

  /**
   * Matching runs in the extension's background, off the page's main thread (the text stays in the
   * browser); if the background cannot answer, the page loads the matcher and matches in slices itself.
   */
  async function match(request: MatchRequest): Promise<MatchAnswer | undefined> {
    const answered = await contentToBackground
      .sendMessage('matchBlocks', toJson(request))
      .then(fromJson, () => undefined);
    if (answered || !lifetime.alive) return answered;
    const matchOnPage = await hooks.loadFallbackMatcher();
    return lifetime.alive ? matchOnPage(request, () => lifetime.alive) : undefined;
  }

  /** Runs a scan now, or once more after the running one, never two at a time. */
  function runScan(): void {
    if (!lifetime.alive) return;
    if (scanning) {
      rescanRequested = true;
      return;
    }
    scanning = scan()
      .catch((error: unknown) => console.warn('[Claim Lens] scan failed:', error))
      .finally(() => {
        scanning = undefined;
        if (rescanRequested && lifetime.alive) {
          rescanRequested = false;
          runScan();
        }
      });
  }
  const schedule = debounceWithMaxWait(runScan, QUIET_MS, () => backoff);

  function pageFindings(): PageFindings {
    return {
      url: location.href,
      title: doc.title,
      status,
      findings: labeled.map((l) => l.finding),
      published: status === 'labeled' ? publishedNow : null,
    };
  }

  /** Only the top frame talks to the badge and the popup; a frame's labels are its own. */
  function report(): void {
    if (!isTopFrame || !lifetime.alive) return;
    contentToBackground.sendMessage('reportBadge', badgeStateOf(labeled.map((l) => l.finding))).catch(() => {
      // The background may be restarting; the next scan reports again.
    });
    // An open popup is told, instead of polling; with none open nobody answers.
    contentToPopup.sendMessage('findingsChanged').catch(() => undefined);
  }

  // --- Dynamic pages ------------------------------------------------------------------------------------

  /** The card's host comes and goes on <html> (or a modal dialog): that is not page content. */
  const isOwnRecord = (record: MutationRecord) =>
    record.type === 'childList' &&
    [...record.addedNodes, ...record.removedNodes].every((node) => node === card.host);
  const onMutations = (records: MutationRecord[]) => {
    if (records.some((r) => r.type === 'childList' && [...r.removedNodes].includes(card.host!)))
      card.repair();
    if (records.every(isOwnRecord)) return;
    schedule.schedule();
  };
  const observer = new MutationObserver(onMutations);
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  /** Open shadow roots hold article text too; a document observer does not see inside them. */
  const observedRoots = new WeakSet<ShadowRoot>();
  function observeShadowRoots(items: Labeled[]): void {
    for (const item of items) {
      for (const span of item.spans) {
        const root = span.node.getRootNode();
        if (root === doc || !('host' in root) || observedRoots.has(root as ShadowRoot)) continue;
        observedRoots.add(root as ShadowRoot);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      }
    }
  }

  // Same-document navigation: re-read, but keep labels and the open card if the text is the same.
  const events = new AbortController();
  const onNavigate = () => schedule.schedule(0);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', onNavigate, { signal: events.signal });
  window.addEventListener('popstate', onNavigate, { signal: events.signal });
  window.addEventListener('hashchange', onNavigate, { signal: events.signal });
  // Back/forward cache: the page comes back without running us again, but the background cleared the
  // badge when the navigation started.
  window.addEventListener('pageshow', (event) => event.persisted && report(), { signal: events.signal });

  const relabel = () => {
    filterVersion++;
    runScan();
  };
  /** Storage watchers: each first use of a browser API costs a few ms, so they get a task of their own. */
  const watchStorage = () => {
    const unwatch = [
      hooks.watchSettings((next) => {
        settings = next;
        relabel();
      }),
      hooks.watchDismissals?.(relabel),
      hooks.watchPack?.(relabel),
    ];
    lifetime.onEnd(() => {
      for (const stop of unwatch) stop?.();
    });
  };

  // The storage watchers and the first scan each get a task of their own; until the scan has started, a
  // question from the popup waits for it rather than hearing "nothing here".
  const started = (async () => {
    await yieldToPage();
    if (lifetime.alive) watchStorage();
    await yieldToPage();
    if (lifetime.alive) runScan();
  })();

  handOver({
    findings: async () => {
      await started;
      await scanning;
      return pageFindings();
    },
    focus: ({ highlightId, claimId }) => card.openById(highlightId, claimId),
    // Every frame hears the shortcut; the one holding focus (not an iframe inside it) answers.
    move: (direction) =>
      doc.hasFocus() && !(doc.activeElement instanceof HTMLIFrameElement)
        ? card.moveBy(direction === 'next' ? 1 : -1)
        : false,
  });

  lifetime.onEnd(() => {
    // The page comes first: once the extension is gone its APIs throw, so the page is restored before any
    // listener is unsubscribed.
    observer.disconnect();
    schedule.cancel();
    clearInterval(repairTimer);
    events.abort();
    card.destroy();
    painter.clear();
    labeled = [];
  });
}
