import { type Settings, SettingsSchema } from '../core/settings/schema';
import { type Dismissal, DismissalSchema, dismissalsItem } from '../platform/dismissals';
import { settingsItem } from '../platform/settings-item';
import { cardActionsFor } from './correction-hooks';

/**
 * The labeler's zod half (claim-lens-storage.js): loaded only when the page side is not sure of a stored
 * value (plain-storage.ts) or the reader presses a card button. Reads here validate, repair and
 * quarantine exactly as the popup and options do; writes are validated before they are stored.
 */
export interface LabelerStorage {
  /** The settings; a corrupt stored value is quarantined and the defaults are restored. */
  readSettings(): Promise<Settings>;
  /** A value a storage change delivered, if valid (nothing is repaired from a change event). */
  settingsFrom(raw: unknown): Settings | undefined;
  readDismissals(): Promise<Dismissal[]>;
  /** The valid entries of a list a storage change delivered. */
  dismissalsFrom(raw: unknown): Dismissal[];
  cardActions: typeof cardActionsFor;
}

export const labelerStorage: LabelerStorage = {
  readSettings: async () => (await settingsItem.read()).value,
  settingsFrom: (raw) => {
    const parsed = SettingsSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  },
  readDismissals: async () => (await dismissalsItem.read()).value,
  dismissalsFrom: (raw) =>
    Array.isArray(raw)
      ? raw.flatMap((entry) => {
          const parsed = DismissalSchema.safeParse(entry);
          return parsed.success ? [parsed.data] : [];
        })
      : [],
  cardActions: cardActionsFor,
};
