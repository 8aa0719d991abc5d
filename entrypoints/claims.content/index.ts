import { defineContentScript } from '#imports';
import { startClaimLens } from '@/src/content/claim-lens';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startClaimLens(ctx);
  },
});
