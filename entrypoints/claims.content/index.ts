import { browser, defineContentScript } from '#imports';
import { startGate } from '@/src/content/gate';
import { importLabeling, LABELING_MODULE_FILE } from '@/src/content/labeling-module';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startGate(ctx, () => importLabeling(browser.runtime.getURL(`/${LABELING_MODULE_FILE}`)));
  },
});
