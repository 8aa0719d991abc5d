import { DismissalIndex } from '../platform/dismissal-index';
import { DISMISSALS, readPlain, SETTINGS, watchAdoptedPack, watchPlain } from '../platform/plain-storage';
import type { ClaimLensHooks } from './hooks';
import type { LabelerStorage } from './labeler-storage';

/**
 * What the labeler reads from extension storage on an article page, without zod: settings and dismissals,
 * and when the background adopts a newer signed claim pack (the background matches with it; the page
 * only relabels). When a stored value is not certainly valid, or the reader
 * presses a card button, the zod half is loaded (`loadZodHalf`) and does what it always did: validate,
 * repair, quarantine, write. A corrupt value never stops labeling: the zod half falls back to defaults.
 */
export function pageStorage(
  loadZodHalf: () => Promise<LabelerStorage>,
  modules: Pick<ClaimLensHooks, 'loadCard' | 'loadFallbackMatcher'>,
): ClaimLensHooks {
  let dismissalsLoaded: Promise<void> | undefined;
  const dismissals = new DismissalIndex();
  const report = (what: string) => (error: unknown) => console.warn(`[Claim Lens] ${what} failed:`, error);

  async function readDismissals(): Promise<void> {
    const plain = await readPlain(DISMISSALS);
    dismissals.replace(plain ?? (await (await loadZodHalf()).readDismissals()));
  }

  return {
    ...modules,
    beforeLabeling: async () => {
      dismissalsLoaded ??= readDismissals().catch(report('Reading hidden highlights'));
      await dismissalsLoaded;
    },
    watchPack: (onChange) => watchAdoptedPack(() => onChange()),
    isDismissed: (claimId, sentence) => !dismissals.empty && dismissals.has(location.href, claimId, sentence),
    watchDismissals: (onChange) =>
      watchPlain(
        DISMISSALS,
        (list) => {
          dismissals.replace(list);
          onChange();
        },
        (raw) =>
          void loadZodHalf()
            .then((zod) => {
              dismissals.replace(zod.dismissalsFrom(raw));
              onChange();
            })
            .catch(report('Reading hidden highlights')),
      ),
    readSettings: async () => (await readPlain(SETTINGS)) ?? (await (await loadZodHalf()).readSettings()),
    watchSettings: (onChange) =>
      watchPlain(
        SETTINGS,
        onChange,
        (raw) =>
          void loadZodHalf()
            .then((zod) => {
              const settings = zod.settingsFrom(raw);
              if (settings) onChange(settings);
            })
            .catch(report('Reading settings')),
      ),
    cardActions: (labeled, pack) => {
      // Every button writes to storage: the zod half is loaded on the first press, not before.
      const run = (act: (zod: LabelerStorage) => void | Promise<void>) =>
        void loadZodHalf().then(act).catch(report('Card action'));
      return {
        onNotThisClaim: (id) => run((zod) => zod.cardActions(pack, labeled).onNotThisClaim(id)),
        onUndoNotThisClaim: (id) => run((zod) => zod.cardActions(pack, labeled).onUndoNotThisClaim?.(id)),
        onExplainNotThisClaim: (id) =>
          run((zod) => zod.cardActions(pack, labeled).onExplainNotThisClaim?.(id)),
        onSuggestCorrection: (id) => run((zod) => zod.cardActions(pack, labeled).onSuggestCorrection(id)),
      };
    },
  };
}
