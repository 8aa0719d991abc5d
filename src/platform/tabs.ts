import { browser } from '#imports';

/**
 * What the popup needs to know about tabs, without the `tabs` permission: the active tab's id, and a tab's
 * status (its URL only where the browser shows it to us).
 */
export async function activeTabId(): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export function tabInfo(tabId: number): Promise<{ url?: string; status?: string } | undefined> {
  return browser.tabs.get(tabId).catch(() => undefined);
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
