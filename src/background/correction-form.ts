import type { browser as browserApi } from '#imports';
import { requestDraftOpen } from '../platform/corrections-store';
import { toolbarAction } from './toolbar-action';

export interface RequestingTab {
  id?: number;
  windowId?: number;
  index?: number;
}

/** The popup page, for a tab and optionally a draft to open; also the e2e tests' way in. */
export function popupUrl(browser: typeof browserApi, params: { tabId?: number; draftId?: string }): string {
  const query = new URLSearchParams();
  if (params.tabId !== undefined) query.set('tabId', String(params.tabId));
  if (params.draftId) query.set('draft', params.draftId);
  const search = query.toString();
  return browser.runtime.getURL(`/popup.html${search ? `?${search}` : ''}`);
}

/**
 * Shows a stored draft to the reader: in the toolbar popup where the browser lets us open it
 * (Chrome 127+; Firefox only from a user action such as the context menu), else in a new tab next to
 * the page, which works everywhere.
 */
export async function openCorrectionForm(
  browser: typeof browserApi,
  draftId: string,
  tab: RequestingTab | undefined,
): Promise<'popup' | 'tab'> {
  await requestDraftOpen(draftId, tab?.id);
  const action = toolbarAction(browser);
  try {
    if (typeof action.openPopup !== 'function') throw new Error('openPopup is not available');
    await action.openPopup(tab?.windowId !== undefined ? { windowId: tab.windowId } : undefined);
    return 'popup';
  } catch {
    await browser.tabs.create({
      url: popupUrl(browser, { tabId: tab?.id, draftId }),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    });
    return 'tab';
  }
}
