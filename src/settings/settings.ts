import { defineValidatedItem } from '../storage/validated-item';
import { SettingsSchema } from './settings-schema';

export { type Settings, SettingsSchema } from './settings-schema';
export { labelingAllowed } from './site-rules';

export const settingsItem = defineValidatedItem({
  key: 'local:settings',
  schema: SettingsSchema,
  version: 1,
  fallback: () => SettingsSchema.parse({}),
});
