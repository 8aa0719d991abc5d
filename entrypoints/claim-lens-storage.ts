import { defineUnlistedScript } from '#imports';
import { labelerStorage } from '@/src/content/labeler-storage';
import { registerModule, STORAGE_MODULE } from '@/src/content/labeling-module';

// The labeler's zod half, imported by the labeler only when a stored value needs repair or a card button is pressed.
export default defineUnlistedScript(() => {
  registerModule(STORAGE_MODULE, labelerStorage);
});
