import type { ClaimPack } from '../core/pack/schema';
import { settingsItem } from '../platform/settings-item';
import { correctionHooks } from './correction-hooks';
import type { ClaimLensHooks } from './lifecycle';

/** Everything the labeler reads or writes in extension storage, all of it validated with zod. */
export function labelerStorage(
  getPack: () => Pick<ClaimPack, 'version' | 'claims'>,
): Omit<ClaimLensHooks, 'pack'> {
  return {
    ...correctionHooks(getPack),
    readSettings: async () => (await settingsItem.read()).value,
    watchSettings: (onChange) => settingsItem.watch(onChange),
  };
}
