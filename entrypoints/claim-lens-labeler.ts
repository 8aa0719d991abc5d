import { defineUnlistedScript } from '#imports';
import type { StartLabeling } from '@/src/content/gate';
import type { LabelerStorage } from '@/src/content/labeler-storage';
import { importModule, LABELER_MODULE, registerModule, STORAGE_MODULE } from '@/src/content/labeling-module';
import { startClaimLens } from '@/src/content/lifecycle';
import { pageStorage } from '@/src/content/page-storage';
import { loadBundledPack } from '@/src/core/pack/bundled';
import { extensionFileUrl } from '@/src/platform/runtime';

// Imported by the content script's gate, only on pages that mention DeepSeek. Its zod half (validation,
// repair and writes) is a second import, made only when a stored value needs it or a card button is pressed.
export default defineUnlistedScript(() => {
  let zodHalf: Promise<LabelerStorage> | undefined;
  const loadZodHalf = () =>
    (zodHalf ??= importModule<LabelerStorage>(STORAGE_MODULE, extensionFileUrl(STORAGE_MODULE.file)).catch(
      (error: unknown) => {
        zodHalf = undefined;
        throw error;
      },
    ));
  const start: StartLabeling = (lifetime, handOver) => {
    // Matching runs in the background, which carries the matcher's index; the page keeps only the pack
    // (for the cards) and compiles a matcher itself only if the background cannot answer.
    if (lifetime.alive) startClaimLens(lifetime, pageStorage(loadBundledPack, loadZodHalf), handOver);
  };
  registerModule(LABELER_MODULE, start);
});
