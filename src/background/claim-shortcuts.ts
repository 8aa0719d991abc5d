import { backgroundToContent } from '../platform/protocol';

/**
 * The keyboard shortcuts (commands API) for the next/previous labeled claim: the tab's content scripts
 * do the moving; the frame that holds focus answers.
 */
export function onClaimShortcut(command: string, tab?: { id?: number }): Promise<boolean> {
  const direction = command === 'next-claim' ? 'next' : command === 'previous-claim' ? 'previous' : undefined;
  if (!direction || tab?.id === undefined) return Promise.resolve(false);
  return backgroundToContent.sendMessage('moveToClaim', direction, tab.id).catch(() => false);
}
