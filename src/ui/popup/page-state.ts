import { type PageFindings, popupToContent } from '../../platform/protocol';
import { activeTabId, tabInfo } from '../../platform/tabs';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; page: PageFindings }
  /** No content script answers; see UnavailableReason. */
  | { kind: 'unavailable'; reason: UnavailableReason; tabId?: number };

/**
 * `restricted`: a browser page, an extension store, file:// and the like, where extensions may not run.
 * `loading`: the page has not finished loading. `reload`: a web page opened before Claim Lens was
 * installed or updated. `unknown`: the browser does not tell us the address (we hold no `tabs` or host
 * permission), so it is a restricted page or one that needs a reload.
 */
export type UnavailableReason = 'restricted' | 'loading' | 'reload' | 'unknown';

/** Extension galleries block content scripts even though they are https pages. */
const STORE_PATTERNS = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
  /^https:\/\/addons\.mozilla\.org\//,
];

/** Whether no extension may run on this URL. */
export function isRestrictedUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return true;
  return STORE_PATTERNS.some((pattern) => pattern.test(url));
}

/**
 * The tab the popup is about: `?tabId=` when given (the e2e tests open the popup as a tab, which would
 * otherwise be the active tab itself), else the active tab of the current window.
 */
export async function resolveTabId(tabIdParam: string | null): Promise<number | undefined> {
  const fromParam = tabIdParam === null ? Number.NaN : Number(tabIdParam);
  if (Number.isInteger(fromParam) && fromParam >= 0) return fromParam;
  return activeTabId();
}

/** Why no content script answered, from what the browser tells us about the tab. */
export function unavailableReason(tab: { url?: string; status?: string } | undefined): UnavailableReason {
  if (tab?.url && isRestrictedUrl(tab.url)) return 'restricted';
  if (tab?.status === 'loading') return 'loading';
  // An ordinary web page without our content script: it was open before Claim Lens was installed.
  if (tab?.url) return 'reload';
  return 'unknown';
}

/** Pauses between questions to a page that did not answer yet (0.7 s in all). */
const ASK_AGAIN_MS = [100, 200, 400];

/** The page's findings, asked once; undefined when no content script answers. */
export function askPage(tabId: number): Promise<PageFindings | undefined> {
  return popupToContent.sendMessage('getFindings', undefined, tabId).catch(() => undefined);
}

export async function loadPageState(tabId: number | undefined): Promise<PageState> {
  if (tabId === undefined) return { kind: 'unavailable', reason: 'restricted' };
  try {
    // A page that does not name DeepSeek in its title answers once it notices the reader, and the popup
    // opening is such a moment (the page loses focus); it then loads its watcher. Asked again meanwhile.
    let page: PageFindings | undefined;
    for (const delay of [0, ...ASK_AGAIN_MS]) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      page = await askPage(tabId);
      if (page) break;
    }
    if (!page) throw new Error('no content script answered');
    return { kind: 'ready', tabId, page };
  } catch {
    // No receiver. A tab's status is readable without permissions; its URL only with them (Chrome hides
    // it from us: content-script match patterns are not host permissions for the tabs API).
    return { kind: 'unavailable', reason: unavailableReason(await tabInfo(tabId)), tabId };
  }
}

export function focusHighlight(tabId: number, highlightId: string, claimId?: string): Promise<boolean> {
  return popupToContent.sendMessage('focusHighlight', { highlightId, claimId }, tabId).catch(() => false);
}
