import type { ContentScriptContext } from '#imports';
import { describeMatch } from '../core/match/describe-match';
import { type ClaimHit, compileMatcher, type Matcher } from '../core/match/matcher';
import { warmUpSegmenter } from '../core/match/segment';
import { loadBundledPack } from '../core/pack/bundled';
import type { Claim, ClaimPack, Source } from '../core/pack/schema';
import type { Settings } from '../core/settings/schema';
import { labelingAllowed } from '../core/settings/site-rules';
import { TIER_STYLES } from '../core/tier-styles';
import { mostSeriousTier } from '../core/tiers';
import { extractBlocks, findArticleRoot } from '../page/extract';
import {
  type HighlightHandle,
  highlightRange,
  isOwnMutation,
  MARK_TAG,
  removeAllHighlights,
} from '../page/highlighter';
import { markStylesheet, STYLE_ELEMENT_ID } from '../page/mark-styles';
import { pageMentionsDeepSeek } from '../page/mentions';
import { runInSlices, SLICE_MS, yieldToPage } from '../page/schedule';
import {
  contentToBackground,
  type Finding,
  type PageFindings,
  type PageStatus,
  popupToContent,
} from '../platform/protocol';
import type { CardActions, CardEntry } from '../ui/card/ClaimCard';
import { CARD_TAG, CardHost } from '../ui/card/card-host';

/** How long the page must be quiet before new content is scanned. */
const MUTATION_DEBOUNCE_MS = 400;
const HOVER_OPEN_DELAY_MS = 120;
const HOVER_CLOSE_DELAY_MS = 300;

interface Labeled {
  handle: HighlightHandle;
  finding: Finding;
  entries: CardEntry[];
}

interface Database {
  pack: ClaimPack;
  matcher: Matcher;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
}

export interface ClaimLensHooks {
  /** Card buttons; absent until something handles corrections. */
  cardActions?: (labeled: { claimId: string; text: string }) => CardActions;
  /** Claims the reader said a sentence does not state ("Not this claim"), for the current page. */
  isDismissed?: (claimId: string, sentence: string) => boolean;
  /** Loads what isDismissed needs; awaited before labeling, so pages without DeepSeek never pay for it. */
  beforeLabeling?: () => Promise<void>;
  /** Calls back when what isDismissed answers has changed, so highlights go at once; returns the unsubscribe. */
  watchDismissals?: (onChange: () => void) => () => void;
  /** The reader's settings, validated (a corrupt stored value falls back to defaults and is quarantined). */
  readSettings: () => Promise<Settings>;
  watchSettings: (onChange: (settings: Settings) => void) => () => void;
}

/**
 * The content script's whole behaviour. Pages that never mention DeepSeek cost one regex test over
 * textContent and a mutation observer that re-tests only when the page changes.
 */
export function startClaimLens(ctx: ContentScriptContext, hooks: ClaimLensHooks) {
  const doc = document;
  let db: Database | undefined;
  let settings: Settings | undefined;
  let status: PageStatus = 'no-mention';
  let labeled: Labeled[] = [];
  let lastSignature = '';
  let scanTimer: number | undefined;
  let scanning: Promise<void> | undefined;
  let rescanRequested = false;
  let card: CardHost | undefined;
  let openFor: Labeled | undefined;
  let hoverTimer: number | undefined;
  let validityWatch: ReturnType<typeof setInterval> | undefined;

  /**
   * Chrome never tells an orphaned content script that its extension was reloaded, updated or removed, and
   * WXT only notices when ctx.isInvalid is read. A page that carries our marks therefore checks every
   * couple of seconds, so stale highlights vanish on their own; pages without marks never pay for this.
   */
  function watchExtensionValidity(): void {
    validityWatch ??= setInterval(() => {
      if (ctx.isInvalid) clearInterval(validityWatch);
    }, 2000);
  }

  function database(): Database {
    if (!db) {
      const pack = loadBundledPack();
      db = {
        pack,
        matcher: compileMatcher(pack),
        claims: new Map(pack.claims.map((c) => [c.id, c])),
        sources: new Map(pack.sources.map((s) => [s.id, s])),
      };
    }
    return db;
  }

  function ensureStyles(): void {
    if (doc.getElementById(STYLE_ELEMENT_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ELEMENT_ID;
    style.textContent = markStylesheet(MARK_TAG);
    (doc.head ?? doc.documentElement).append(style);
  }

  function clearHighlights(): void {
    closeCard();
    removeAllHighlights(doc);
    labeled = [];
    lastSignature = '';
  }

  function visibleHits(hits: ClaimHit[], sentence: string, current: Settings): ClaimHit[] {
    const { claims } = database();
    return hits.filter((hit) => {
      const claim = claims.get(hit.claimId);
      if (!claim || !current.tiers.includes(claim.tier) || hit.strength < current.minStrength) return false;
      return !hooks.isDismissed?.(hit.claimId, sentence);
    });
  }

  async function scan(): Promise<void> {
    // The gate comes first: a page that never mentions DeepSeek costs one regex test, not a storage read.
    if (!pageMentionsDeepSeek(doc)) {
      status = 'no-mention';
      if (labeled.length > 0) {
        clearHighlights();
        reportBadge();
      }
      return;
    }
    settings ??= await hooks.readSettings();
    if (ctx.isInvalid) return;
    const allowed = labelingAllowed(settings, location.hostname);
    if (allowed !== 'yes') {
      status = allowed;
      clearHighlights();
      return reportBadge();
    }
    await hooks.beforeLabeling?.();
    if (ctx.isInvalid) return;
    // Every stage below is its own slice (or several): no task of ours comes near 50 ms.
    const { matcher, claims } = database();
    await yieldToPage();
    warmUpSegmenter();
    await yieldToPage();
    if (ctx.isInvalid) return;
    const readArticle = () =>
      extractBlocks(findArticleRoot(doc), { skip: (el) => el.tagName.toLowerCase() === CARD_TAG });
    // Marks do not change the text, so if the article reads the same as at the last scan, the mutation was
    // elsewhere (ads, timestamps, our own card): keep the highlights and the reader's open card.
    if (labeled.length > 0 && textSignature(readArticle()) === lastSignature) return;
    // Re-extract from a clean DOM so offsets are exact; marks are unwrapped first (our own mutations).
    removeAllHighlights(doc);
    const blocks = readArticle();
    const signature = textSignature(blocks);
    await yieldToPage();
    const result = await runInSlices(
      matcher.matchDocumentInSteps(blocks, { title: doc.title }),
      () => ctx.isValid,
    );
    if (!result || ctx.isInvalid) return;
    // The page may have changed while we matched in slices; then the offsets are stale: start over.
    if (!blocks.every((b) => b.element.isConnected)) return scheduleScan(0);
    const { matches } = result;
    closeCard();
    labeled = [];
    lastSignature = signature;
    status = 'labeled';
    ensureStyles();
    let sliceStart = performance.now();
    for (const match of matches) {
      const hits = visibleHits(match.hits, match.text, settings);
      if (hits.length === 0) continue;
      const entries = hits.map((hit) => ({ claim: claims.get(hit.claimId)!, hit }));
      const worst = mostSeriousTier(entries.map((e) => ({ tier: e.claim.tier, entry: e })))!.entry;
      const ordered = [worst, ...entries.filter((e) => e !== worst)];
      const id = `cl-${labeled.length + 1}`;
      const attributes: Record<string, string> = {
        'data-claim-id': worst.claim.id,
        'data-claim-tier': worst.claim.tier,
        'aria-description': `Claim Lens: ${TIER_STYLES[worst.claim.tier].label} claim${ordered.length > 1 ? ` and ${ordered.length - 1} more` : ''}. Focus or press Enter for details.`,
      };
      if (ordered.length > 1) attributes['data-claim-ids'] = ordered.map((e) => e.claim.id).join(' ');
      const handle = highlightRange(blocks[match.blockIndex]!, match.start, match.end, attributes, id);
      if (!handle) continue;
      labeled.push({
        handle,
        entries: ordered,
        finding: {
          highlightId: id,
          text: match.text,
          claims: ordered.map(({ claim, hit }) => ({
            claimId: claim.id,
            tier: claim.tier,
            strength: hit.strength,
            strengthLabel: describeMatch(hit),
          })),
        },
      });
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (ctx.isInvalid) return;
        sliceStart = performance.now();
      }
    }
    if (labeled.length > 0) watchExtensionValidity();
    reportBadge();
  }

  /** Runs a scan now, or once more after the running one, never two at a time. */
  function runScan(): void {
    if (scanning) {
      rescanRequested = true;
      return;
    }
    scanning = scan()
      .catch((error: unknown) => console.warn('[Claim Lens] scan failed:', error))
      .finally(() => {
        scanning = undefined;
        if (rescanRequested && ctx.isValid) {
          rescanRequested = false;
          runScan();
        }
      });
  }

  function scheduleScan(delay = MUTATION_DEBOUNCE_MS): void {
    clearTimeout(scanTimer);
    scanTimer = ctx.setTimeout(runScan, delay);
  }

  function reportBadge(): void {
    const worst = mostSeriousTier(labeled.flatMap((l) => l.finding.claims));
    const count = labeled.reduce((n, l) => n + l.finding.claims.length, 0);
    contentToBackground.sendMessage('reportBadge', { count, worstTier: worst?.tier ?? null }).catch(() => {
      // The background may be restarting; the next scan reports again.
    });
  }

  // --- The card -----------------------------------------------------------------------------------------

  function labeledFor(target: EventTarget | null): Labeled | undefined {
    const mark = target instanceof Element ? target.closest(MARK_TAG) : null;
    const id = mark?.getAttribute('data-highlight-id');
    return id ? labeled.find((l) => l.handle.id === id) : undefined;
  }

  function openCard(item: Labeled): void {
    if (openFor === item) return;
    const { pack, sources } = database();
    card ??= new CardHost(doc);
    closeCard();
    openFor = item;
    for (const el of item.handle.elements) el.setAttribute('data-claim-active', '');
    card.show(
      item.handle.elements,
      {
        entries: item.entries,
        sources,
        pack,
        actions: hooks.cardActions?.({ claimId: item.finding.claims[0]!.claimId, text: item.finding.text }),
      },
      () => closeCard(true),
    );
  }

  function closeCard(returnFocus = false): void {
    clearTimeout(hoverTimer);
    const item = openFor;
    if (!item) return;
    openFor = undefined;
    for (const el of item.handle.elements) el.removeAttribute('data-claim-active');
    card?.hide();
    if (returnFocus) item.handle.elements[0]?.focus();
  }

  function hoverTo(item: Labeled | undefined, delay: number): void {
    clearTimeout(hoverTimer);
    hoverTimer = ctx.setTimeout(() => (item ? openCard(item) : closeCard()), delay);
  }

  ctx.addEventListener(doc, 'mouseover', (event) => {
    const item = labeledFor(event.target);
    if (item) hoverTo(item, HOVER_OPEN_DELAY_MS);
    else if (card?.contains(event.target)) clearTimeout(hoverTimer);
    else if (openFor && doc.activeElement?.closest?.(MARK_TAG) == null)
      hoverTo(undefined, HOVER_CLOSE_DELAY_MS);
  });
  ctx.addEventListener(doc, 'focusin', (event) => {
    const item = labeledFor(event.target);
    if (item) openCard(item);
    else if (!card?.contains(event.target)) closeCard();
  });
  ctx.addEventListener(doc, 'keydown', (event) => {
    if (!openFor) {
      if (event.key === 'Enter') {
        const item = labeledFor(event.target);
        if (item) openCard(item);
      }
      return;
    }
    if (event.key === 'Escape') {
      const inCard = card?.contains(event.target) ?? false;
      const onMark = labeledFor(event.target) !== undefined;
      if (inCard || onMark) {
        event.stopPropagation();
        closeCard(true);
      }
    } else if (event.key === 'Enter' && labeledFor(event.target) === openFor) {
      event.preventDefault();
      card?.focusFirst();
    }
  });
  ctx.addEventListener(doc, 'pointerdown', (event) => {
    if (openFor && !card?.contains(event.target) && !labeledFor(event.target)) closeCard();
  });

  // --- Popup requests -----------------------------------------------------------------------------------

  const removeFindingsListener = popupToContent.onMessage(
    'getFindings',
    (): PageFindings => ({
      url: location.href,
      title: doc.title,
      status,
      findings: labeled.map((l) => l.finding),
    }),
  );
  const removeFocusListener = popupToContent.onMessage('focusHighlight', ({ data: id }) => {
    const item = labeled.find((l) => l.handle.id === id);
    const first = item?.handle.elements[0];
    if (!item || !first) return false;
    first.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    first.focus({ preventScroll: true });
    openCard(item);
    return true;
  });

  // --- Dynamic pages ------------------------------------------------------------------------------------

  /** Our stylesheet and card host come and go as children of <head>/<html>; that is not page content. */
  const isOwnNode = (node: Node) =>
    node instanceof Element &&
    (node.id === STYLE_ELEMENT_ID || node.tagName.toLowerCase().startsWith('claim-lens-'));
  const isOwnRecord = (record: MutationRecord) =>
    isOwnMutation(record) ||
    (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isOwnNode));

  const observer = new MutationObserver((records) => {
    if (records.every(isOwnRecord)) return;
    scheduleScan();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    clearHighlights();
    scheduleScan(0);
  });

  const unwatchSettings = hooks.watchSettings((next) => {
    settings = next;
    clearHighlights();
    runScan();
  });
  // A re-scan rebuilds every highlight without the dismissed ones; no clearing first, so nothing flickers.
  /** Settings or dismissals changed: the same text must be labeled anew. */
  const relabel = () => {
    lastSignature = '';
    runScan();
  };
  const unwatchDismissals = hooks.watchDismissals?.(relabel);

  // Back/forward cache: the page comes back without running us again, but the background cleared the
  // badge when the navigation started.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) reportBadge();
  });

  ctx.onInvalidated(() => {
    // The page comes first: once the extension is gone its APIs throw, so the DOM is restored before any
    // listener is unsubscribed, and each unsubscription may fail without stopping the others.
    clearInterval(validityWatch);
    observer.disconnect();
    clearTimeout(scanTimer);
    clearTimeout(hoverTimer);
    clearHighlights();
    card?.destroy();
    doc.getElementById(STYLE_ELEMENT_ID)?.remove();
    for (const unsubscribe of [
      unwatchSettings,
      unwatchDismissals,
      removeFindingsListener,
      removeFocusListener,
    ]) {
      try {
        unsubscribe?.();
      } catch {
        // "Extension context invalidated": nothing left to unsubscribe from.
      }
    }
  });

  runScan();
}

function textSignature(blocks: { text: string }[]): string {
  return blocks.map((b) => b.text).join('\u0000');
}
