import { browser, defineBackground } from '#imports';
import { clearBadge, updateBadge } from '@/src/background/badge';
import { onClaimShortcut } from '@/src/background/claim-shortcuts';
import { registerContextMenus, reportMissedClaim } from '@/src/background/context-menu';
import { openCorrectionForm } from '@/src/background/correction-form';
import { matchBlocks, matchedArticles, refuseMatching } from '@/src/background/matching';
import { startPackUpdates } from '@/src/background/pack-update';
import { contentToBackground } from '@/src/platform/protocol';

export default defineBackground(() => {
  startPackUpdates();
  contentToBackground.onMessage('reportBadge', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) void updateBadge(browser, tabId, data);
  });
  contentToBackground.onMessage('openCorrectionForm', ({ data: draftId, sender }) =>
    openCorrectionForm(browser, draftId, sender.tab),
  );
  contentToBackground.onMessage('matchBlocks', ({ data }) => matchBlocks(data));

  // A new document in the tab: its old count is stale until the new page's content script reports.
  // onUpdated gives tabId and status without the `tabs` permission.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearBadge(browser, tabId);
  });

  browser.runtime.onInstalled.addListener(() => {
    void registerContextMenus(browser);
  });
  const onMenuClick = (
    info: Parameters<typeof reportMissedClaim>[1],
    tab?: Parameters<typeof reportMissedClaim>[2],
  ) => reportMissedClaim(browser, info, tab);
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));

  // Playwright cannot click a context-menu item; the e2e tests call the same handler the menu calls,
  // from the service worker. Only extension pages and DevTools can reach this global, not web pages.
  browser.commands.onCommand.addListener((command, tab) => void onClaimShortcut(command, tab));
  (globalThis as { claimLensTest?: unknown }).claimLensTest = {
    onMenuClick,
    onClaimShortcut,
    matchedArticles,
    refuseMatching,
  };
});
