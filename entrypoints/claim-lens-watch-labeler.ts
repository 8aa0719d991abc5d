import { defineUnlistedScript } from '#imports';
import { startLabeling } from '@/src/content/labeler-start';
import { LABELER_MODULE, registerModule, WATCH_MODULE } from '@/src/content/labeling-module';
import { startWatch } from '@/src/content/watch-start';

export default defineUnlistedScript(() => {
  registerModule(LABELER_MODULE, startLabeling);
  registerModule(WATCH_MODULE, startWatch);
});
