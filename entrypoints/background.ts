import { browser, defineBackground } from '#imports';
import { updateBadge } from '@/src/background/badge';
import { contentToBackground } from '@/src/messaging';

export default defineBackground(() => {
  contentToBackground.onMessage('reportBadge', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) void updateBadge(browser, tabId, data);
  });
});
