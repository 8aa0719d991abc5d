import { defineContentScript } from '#imports';
import { startClaimLens } from '@/src/content/claim-lens';
import { correctionHooks } from '@/src/content/correction-hooks';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const { cardActions, isDismissed, beforeLabeling, watchDismissals } = correctionHooks();
    startClaimLens(ctx, { cardActions, isDismissed, beforeLabeling, watchDismissals });
  },
});
