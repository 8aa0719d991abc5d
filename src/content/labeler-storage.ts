import type { ClaimPack } from '../core/pack/schema';
import { type BundledPack, loadActivePack, watchActivePack } from '../platform/active-pack';
import { settingsItem } from '../platform/settings-item';
import { correctionHooks } from './correction-hooks';
import type { ClaimLensHooks } from './lifecycle';

/**
 * Everything the labeler reads or writes in extension storage, all of it validated with zod, and the claim
 * pack in use: the bundled one (lent by the labeler, so it is not bundled twice) unless the background
 * adopted a newer signed update, which is read before the first scan and followed after.
 */
export function labelerStorage(bundled: BundledPack): ClaimLensHooks {
  let active: ClaimPack | undefined;
  let activeLoaded: Promise<void> | undefined;
  const pack = () => active ?? bundled();
  const corrections = correctionHooks(pack);
  return {
    ...corrections,
    pack,
    beforeLabeling: async () => {
      activeLoaded ??= loadActivePack(bundled).then(
        (loaded) => {
          active = loaded.pack;
        },
        (error: unknown) =>
          console.warn('[Claim Lens] updated claim data unreadable; using the bundled:', error),
      );
      await Promise.all([activeLoaded, corrections.beforeLabeling()]);
    },
    watchPack: (onChange) =>
      watchActivePack(bundled, (next) => {
        active = next.pack;
        onChange();
      }),
    readSettings: async () => (await settingsItem.read()).value,
    watchSettings: (onChange) => settingsItem.watch(onChange),
  };
}
