import { SettingsSchema } from '../core/settings/schema';
import { defineValidatedItem } from './storage/validated-item';

export { type Settings, SettingsSchema } from '../core/settings/schema';
export { labelingAllowed } from '../core/settings/site-rules';

export const settingsItem = defineValidatedItem({
  key: 'local:settings',
  schema: SettingsSchema,
  version: 1,
  fallback: () => SettingsSchema.parse({}),
});
