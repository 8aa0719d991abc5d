import { backgroundToContent } from '../platform/protocol';

/**
 * The keyboard shortcuts (commands API) for the next/previous labeled claim: the tab's content scripts
 * do the moving; the frame that holds focus answers.
 */
export function onClaimShortcut(command: string, tab?: { id?: number }): Promise<boolean> {
  const direction = command === 'next-claim' ? 'next' : command === 'previous-claim' ? 'previous' : undefined;
  if (!direction || tab?.id === undefined) return Promise.resolve(false);
  const ask = () => backgroundToContent.sendMessage('moveToClaim', direction, tab.id!);
  // A page whose title does not name DeepSeek answers only once it has noticed a reader (a key, the
  // pointer): asked once more, in case it was just waking.
  return ask().catch(() =>
    new Promise((resolve) => setTimeout(resolve, ASK_AGAIN_MS)).then(ask).catch(() => false),
  );
}

const ASK_AGAIN_MS = 400;
