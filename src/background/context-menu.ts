import type { Browser, browser as browserApi } from '#imports';
import { newDraft } from '../core/corrections/schema';
import { loadBundledPack } from '../core/pack/bundled';
import { addDraft } from '../platform/corrections-store';
import { popupToContent } from '../platform/protocol';
import { openCorrectionForm } from './correction-form';

export const REPORT_MISSED_CLAIM_MENU_ID = 'claim-lens-report-missed-claim';

/**
 * Creates the context-menu item. Menus persist across browser restarts and survive service-worker
 * restarts, so this runs from runtime.onInstalled; removeAll first makes a second call harmless.
 */
export async function registerContextMenus(browser: typeof browserApi): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: REPORT_MISSED_CLAIM_MENU_ID,
    title: 'Report a missed V4 claim',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** The menu click: a missing-claim draft pre-filled from the selection and page, opened for the reader. */
export async function reportMissedClaim(
  browser: typeof browserApi,
  info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'pageUrl'>,
  tab: Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'index' | 'title' | 'url'> | undefined,
): Promise<string | undefined> {
  if (info.menuItemId !== REPORT_MISSED_CLAIM_MENU_ID) return undefined;
  const draft = newDraft({
    kind: 'missing-claim',
    sentence: info.selectionText ?? '',
    pageUrl: info.pageUrl ?? tab?.url ?? '',
    pageTitle: tab?.title ?? (await pageTitle(tab?.id)),
    packVersion: loadBundledPack().version,
  });
  await addDraft(draft);
  await openCorrectionForm(browser, draft.id, tab);
  return draft.id;
}

/**
 * Without the `tabs` permission Chrome hides tab titles from us; the page's own content script knows it
 * (it answers the popup's getFindings, which carries the title).
 */
async function pageTitle(tabId: number | undefined): Promise<string> {
  if (tabId === undefined) return '';
  try {
    return (await popupToContent.sendMessage('getFindings', undefined, tabId)).title;
  } catch {
    return '';
  }
}
