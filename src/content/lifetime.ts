import { extensionAlive } from '../platform/runtime';

/**
 * How long our content script lives: until the extension is reloaded, updated or removed. Our own, not
 * WXT's ContentScriptContext, whose invalidation a page can trigger by dispatching the right event; here
 * the only signal is the extension runtime itself, checked before every piece of work (on a labeled page
 * that includes the labeler's slow repair round, see lifecycle.ts).
 */
export interface Lifetime {
  readonly alive: boolean;
  onEnd(cleanup: () => void): void;
  end(): void;
}

export function createLifetime(isAlive: () => boolean = extensionAlive): Lifetime {
  let ended = false;
  const cleanups: (() => void)[] = [];
  const lifetime: Lifetime = {
    get alive() {
      if (!ended && !isAlive()) lifetime.end();
      return !ended;
    },
    onEnd(cleanup) {
      cleanups.push(cleanup);
    },
    end() {
      if (ended) return;
      ended = true;
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
