import { defineUnlistedScript } from '#imports';
import type { LoadCard } from '@/src/content/card-controller';
import type { FallbackMatcher } from '@/src/content/fallback-matcher';
import type { LabelerStorage } from '@/src/content/labeler-storage';
import {
  CARD_MODULE,
  importModule,
  LABELER_MODULE,
  MATCHER_MODULE,
  registerModule,
  STORAGE_MODULE,
} from '@/src/content/labeling-module';
import { startClaimLens } from '@/src/content/lifecycle';
import { pageStorage } from '@/src/content/page-storage';
import type { StartLabeling } from '@/src/content/page-watch';
import { extensionFileUrl } from '@/src/platform/runtime';

/** Imports a part of the labeler once; a failed import is tried again next time. */
function onDemand<T>(module: { file: string; key: string }): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= importModule<T>(module, extensionFileUrl(module.file)).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

// Imported by the page watcher, only on pages that mention DeepSeek. It holds neither the claim
// pack nor the matcher (the background matches and sends what the cards show) nor the card's code: each
// is a module of its own, loaded when first needed (see src/content/labeling-module.ts).
export default defineUnlistedScript(() => {
  const start: StartLabeling = (lifetime, handOver) => {
    const hooks = pageStorage(onDemand<LabelerStorage>(STORAGE_MODULE), {
      loadCard: onDemand<Awaited<ReturnType<LoadCard>>>(CARD_MODULE),
      loadFallbackMatcher: onDemand<FallbackMatcher>(MATCHER_MODULE),
    });
    if (lifetime.alive) startClaimLens(lifetime, hooks, handOver);
  };
  registerModule(LABELER_MODULE, start);
});
