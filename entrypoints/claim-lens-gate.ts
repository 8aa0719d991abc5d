import { defineUnlistedScript } from '#imports';
import { startGate } from '@/src/content/gate';
import { importModule, WATCH_MODULE, type WatchModule } from '@/src/content/labeling-module';
import { extensionFileUrl } from '@/src/platform/runtime';

// The manifest content script (see wxt.config.ts: GATE_SCRIPT), the only code of ours on every page and
// frame. An unlisted script, not a WXT content script: WXT's content-script context dispatches an event on
// every page's document and starts a location watcher, and none of it is used (src/content/lifetime.ts
// knows when the extension goes away), so a page that never mentions DeepSeek runs only the gate.
export default defineUnlistedScript(() => {
  startGate((read) => {
    importModule<WatchModule>(WATCH_MODULE, extensionFileUrl(WATCH_MODULE.file))
      .then((watch) => watch(read))
      .catch((error: unknown) => console.warn('[Claim Lens] could not load the page watcher:', error));
  });
});
