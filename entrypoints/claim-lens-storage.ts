import { defineUnlistedScript } from '#imports';
import { labelerStorage } from '@/src/content/labeler-storage';
import { registerModule, STORAGE_MODULE } from '@/src/content/labeling-module';

// Imported by the labeler, after it has loaded, on pages that mention DeepSeek.
export default defineUnlistedScript(() => {
  registerModule(STORAGE_MODULE, labelerStorage);
});
