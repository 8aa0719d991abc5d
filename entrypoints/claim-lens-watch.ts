import { defineUnlistedScript } from '#imports';
import {
  importModule,
  LABELER_MODULE,
  type LabelerModule,
  registerModule,
  WATCH_MODULE,
} from '@/src/content/labeling-module';
import { type WatchPage, watchPage } from '@/src/content/page-watch';
import { extensionFileUrl } from '@/src/platform/runtime';

// Imported by the gate on a page whose title names DeepSeek, or once a reader is on any page: it checks
// the page (all of its text, when a reader brought it), watches it for changes, answers the popup, and
// loads the labeler when the page mentions DeepSeek.
export default defineUnlistedScript(() => {
  const watch: WatchPage = (read) =>
    watchPage(() => importModule<LabelerModule>(LABELER_MODULE, extensionFileUrl(LABELER_MODULE.file)), read);
  registerModule(WATCH_MODULE, watch);
});
