import { browser } from '#imports';

/**
 * The extension's own runtime, for content scripts: whether it is still there, and its files. Chrome never
 * tells an orphaned content script that its extension was reloaded, updated or removed; `runtime.id` is
 * the one signal, and the page cannot fake it (no page event or message is trusted for this).
 */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

export function extensionFileUrl(file: string): string {
  return browser.runtime.getURL(`/${file}` as '/');
}
