import { defineUnlistedScript } from '#imports';
import { startGate } from '@/src/content/gate';
import {
  importModule,
  WATCH_MODULE,
  WATCH_WITH_LABELER_MODULE,
  type WatchModule,
} from '@/src/content/labeling-module';
import { extensionAlive, extensionFileUrl } from '@/src/platform/runtime';

// The manifest content script (see wxt.config.ts: GATE_SCRIPT), the only code of ours on every page and
// frame. An unlisted script, not a WXT content script: WXT's content-script context dispatches an event on
// every page's document and starts a location watcher, and none of it is used (src/content/lifetime.ts
// knows when the extension goes away). Until a page names DeepSeek in its title or a reader is on it, the
// gate is all that runs.
export default defineUnlistedScript(() => {
  startGate((read) => {
    // A gate left behind by an updated or removed extension: nothing to load.
    if (!extensionAlive()) return;
    const module = read === 'title' ? WATCH_WITH_LABELER_MODULE : WATCH_MODULE;
    Promise.resolve()
      .then(() => importModule<WatchModule>(module, extensionFileUrl(module.file)))
      .then((watch) => watch(read))
      .catch((error: unknown) => console.warn('[Claim Lens] could not load the page watcher:', error));
  });
});
