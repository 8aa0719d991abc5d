import type { browser } from '#imports';

/**
 * The extension namespace, looked up once when first used, the way WXT's `browser` export picks it. Not that
 * export itself: its module reads `browser.runtime.id` as soon as it runs, which makes the browser build
 * the extension bindings (a millisecond or more here) on every page and frame the gate runs on, even
 * those that never name DeepSeek.
 */
export function extensionApi(): typeof browser {
  if (api === undefined) {
    const scope = globalThis as { browser?: typeof browser; chrome?: typeof browser };
    api = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as typeof browser;
  }
  return api;
}
let api: typeof browser | undefined;

/**
 * The extension's own runtime, for content scripts: whether it is still there, and its files. Chrome never
 * tells an orphaned content script that its extension was reloaded, updated or removed; `runtime.id` is
 * the one signal, and the page cannot fake it (no page event or message is trusted for this).
 */
export function extensionAlive(): boolean {
  try {
    return extensionApi()?.runtime?.id != null;
  } catch {
    return false;
  }
}

export function extensionFileUrl(file: string): string {
  return extensionApi().runtime.getURL(`/${file}` as '/');
}
