import { browser, defineUnlistedScript } from '#imports';
import { type ClaimLensHooks, startClaimLens } from '@/src/content/claim-lens';
import type { StartLabeling } from '@/src/content/gate';
import { importModule, LABELER_MODULE, registerModule, STORAGE_MODULE } from '@/src/content/labeling-module';
import { loadBundledPack } from '@/src/core/pack/bundled';

// Imported by the content script's gate, only on pages that mention DeepSeek. Its storage half is a
// second import, so the two compile-and-run steps are separate tasks.
export default defineUnlistedScript(() => {
  const start: StartLabeling = async (ctx) => {
    const storage = await importModule<(getPack: typeof loadBundledPack) => ClaimLensHooks>(
      STORAGE_MODULE,
      browser.runtime.getURL(`/${STORAGE_MODULE.file}`),
    );
    if (ctx.isValid) startClaimLens(ctx, storage(loadBundledPack));
  };
  registerModule(LABELER_MODULE, start);
});
