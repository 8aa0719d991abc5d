import { defineUnlistedScript } from '#imports';
import { startClaimLens } from '@/src/content/claim-lens';
import { correctionHooks } from '@/src/content/correction-hooks';
import { registerLabeling } from '@/src/content/labeling-module';

// Loaded by the content script's gate, only on pages that mention DeepSeek.
export default defineUnlistedScript(() => {
  registerLabeling((ctx) => {
    const { cardActions, isDismissed, beforeLabeling, watchDismissals } = correctionHooks();
    startClaimLens(ctx, { cardActions, isDismissed, beforeLabeling, watchDismissals });
  });
});
