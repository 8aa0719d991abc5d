import { useEffect, useRef, useState } from 'preact/hooks';
import { contentToPopup } from '../../platform/protocol';
import { askPage, loadPageState, type PageState, resolveTabId } from './page-state';

/**
 * What the page's content script found, kept current: asked once when the popup opens, then asked again
 * each time the content script says a scan changed it (a setting, a hidden claim or the page itself). No
 * polling.
 */
export function usePage(tabIdParam: string | null): {
  state: PageState;
  tabId: number | undefined;
  refresh(): void;
  ready: Promise<number | undefined>;
} {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const tabId = useRef<number | undefined>(undefined);
  const ready = useRef<Promise<number | undefined>>();
  ready.current ??= resolveTabId(tabIdParam).then((id) => {
    tabId.current = id;
    return id;
  });
  useEffect(() => {
    let live = true;
    void ready.current!.then(async (id) => {
      const first = await loadPageState(id);
      if (live) setState((now) => (now.kind === 'ready' ? now : first));
    });
    const stop = contentToPopup.onMessage('findingsChanged', ({ sender }) => {
      const id = tabId.current;
      if (id === undefined || sender.tab?.id !== id) return;
      void askPage(id).then((page) => live && page && setState({ kind: 'ready', tabId: id, page }));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  const refresh = () => void loadPageState(tabId.current).then(setState);
  return { state, tabId: tabId.current, refresh, ready: ready.current };
}
