import { defineUnlistedScript } from '#imports';
import type { StartLabeling } from '@/src/content/gate';
import { importModule, LABELER_MODULE, registerModule, STORAGE_MODULE } from '@/src/content/labeling-module';
import { type ClaimLensHooks, startClaimLens } from '@/src/content/lifecycle';
import { loadBundledMatchIndex, loadBundledPack } from '@/src/core/pack/bundled';
import { extensionFileUrl } from '@/src/platform/runtime';

// Imported by the content script's gate, only on pages that mention DeepSeek. Its storage half is a
// second import, so the two compile-and-run steps are separate tasks.
export default defineUnlistedScript(() => {
  const start: StartLabeling = async (lifetime, handOver) => {
    const storage = await importModule<(getPack: typeof loadBundledPack) => ClaimLensHooks>(
      STORAGE_MODULE,
      extensionFileUrl(STORAGE_MODULE.file),
    );
    const hooks = { ...storage(loadBundledPack), matchIndex: loadBundledMatchIndex };
    if (lifetime.alive) startClaimLens(lifetime, hooks, handOver);
  };
  registerModule(LABELER_MODULE, start);
});
