import { extensionFileUrl } from '../platform/runtime';
import type { LoadCard } from './card-controller';
import type { FallbackMatcher } from './fallback-matcher';
import type { LabelerStorage } from './labeler-storage';
import { CARD_MODULE, importModule, MATCHER_MODULE, STORAGE_MODULE } from './labeling-module';
import { startClaimLens } from './lifecycle';
import { pageStorage } from './page-storage';
import type { StartLabeling } from './page-watch';

/** Imports a part of the labeler once; a failed import is tried again next time. */
function onDemand<T>(module: { file: string; key: string }): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= importModule<T>(module, extensionFileUrl(module.file)).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

export const startLabeling: StartLabeling = (lifetime, handOver) => {
  const hooks = pageStorage(onDemand<LabelerStorage>(STORAGE_MODULE), {
    loadCard: onDemand<Awaited<ReturnType<LoadCard>>>(CARD_MODULE),
    loadFallbackMatcher: onDemand<FallbackMatcher>(MATCHER_MODULE),
  });
  if (lifetime.alive) startClaimLens(lifetime, hooks, handOver);
};
