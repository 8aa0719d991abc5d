import { useEffect, useState } from 'preact/hooks';
import { loadBundledPack } from '../../core/pack/bundled';
import { type ActivePack, loadActivePack, watchActivePack } from '../../platform/active-pack';

/**
 * The claim pack in use, kept current: the bundled pack at first render (so nothing waits on storage), then
 * a newer signed update if one was adopted, and any adopted while the page is open.
 */
export function useActivePack(): ActivePack {
  const [active, setActive] = useState<ActivePack>(() => ({ pack: loadBundledPack(), origin: 'bundled' }));
  useEffect(() => {
    let live = true;
    void loadActivePack(loadBundledPack).then((next) => live && setActive(next));
    const unwatch = watchActivePack(loadBundledPack, (next) => live && setActive(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return active;
}
