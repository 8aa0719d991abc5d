import type { browser as browserApi } from '#imports';

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(browser: typeof browserApi): typeof browserApi.action {
  return browser.action ?? (browser.browserAction as unknown as typeof browserApi.action);
}
