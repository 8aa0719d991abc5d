import { browser, defineContentScript } from '#imports';
import type { StartLabeling } from '@/src/content/gate';
import { startGate } from '@/src/content/gate';
import { importModule, LABELER_MODULE } from '@/src/content/labeling-module';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startGate(ctx, () =>
      importModule<StartLabeling>(LABELER_MODULE, browser.runtime.getURL(`/${LABELER_MODULE.file}`)),
    );
  },
});
