import { extensionAlive } from '../platform/runtime';

/**
 * How long our content script lives: until the extension is reloaded, updated or removed. Our own, not
 * WXT's ContentScriptContext, whose invalidation a page can trigger by dispatching the right event; here
 * the only signal is the extension runtime itself, checked on a slow timer while we have anything on the
 * page and before every piece of work.
 */
export interface Lifetime {
  readonly alive: boolean;
  onEnd(cleanup: () => void): void;
  /** Starts the slow check (pages we never labeled never pay for it). */
  watch(): void;
  end(): void;
}

const CHECK_EVERY_MS = 2000;

export function createLifetime(isAlive: () => boolean = extensionAlive): Lifetime {
  let ended = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const cleanups: (() => void)[] = [];
  const lifetime: Lifetime = {
    get alive() {
      if (!ended && !isAlive()) lifetime.end();
      return !ended;
    },
    onEnd(cleanup) {
      cleanups.push(cleanup);
    },
    watch() {
      timer ??= setInterval(() => void lifetime.alive, CHECK_EVERY_MS);
    },
    end() {
      if (ended) return;
      ended = true;
      clearInterval(timer);
      // Page first: each cleanup may throw ("Extension context invalidated") without stopping the others.
      for (const cleanup of cleanups) {
        try {
          cleanup();
        } catch {
          // Nothing left to undo.
        }
      }
    },
  };
  return lifetime;
}
