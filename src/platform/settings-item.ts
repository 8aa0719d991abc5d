import { SettingsSchema } from '../core/settings/schema';
import { defineValidatedItem } from './storage/validated-item';

export { type Settings, SettingsSchema } from '../core/settings/schema';
export { labelingAllowed } from '../core/settings/site-rules';

/**
 * v1: the `{ v: 1, data }` envelope (migration 2 unwraps it). v2: the settings themselves; the reader's
 * correction repository is no longer a setting (it is chosen when the extension is built), and
 * SettingsSchema drops it from older values.
 */
export const settingsItem = defineValidatedItem({
  key: 'local:settings',
  schema: SettingsSchema,
  version: 2,
  fallback: () => SettingsSchema.parse({}),
});
