import type { ClaimPack } from '../core/pack/schema';
import { draftForClaim } from '../platform/corrections-store';
import { DismissalIndex, dismiss, dismissalsItem, undismiss } from '../platform/dismissals';
import { contentToBackground } from '../platform/protocol';
import type { ClaimLensHooks } from './lifecycle';

/**
 * What the content script needs for corrections: the card's buttons and the reader's "Not this claim"
 * list. Dismissals are read only when a page mentions DeepSeek (beforeLabeling), then kept in memory and
 * updated from storage, so a dismissal made in the popup or another tab applies here at once.
 */
export function correctionHooks(
  /** The labeler's pack; passed in so this storage module does not bundle a second copy of it. */
  getPack: () => Pick<ClaimPack, 'version' | 'claims'>,
): Required<Pick<ClaimLensHooks, 'cardActions' | 'isDismissed' | 'beforeLabeling' | 'watchDismissals'>> {
  const index = new DismissalIndex();
  let loaded: Promise<void> | undefined;

  function claimFields(claimId: string, sentence: string) {
    const pack = getPack();
    return {
      claimId,
      currentTier: pack.claims.find((c) => c.id === claimId)?.tier,
      sentence,
      pageUrl: location.href,
      pageTitle: document.title,
      packVersion: pack.version,
    };
  }

  /** Hides at once; a correction exists only if the reader then asks to tell us why. */
  async function explainNotThisClaim(claimId: string, sentence: string): Promise<void> {
    const draft = await draftForClaim({ kind: 'wrong-match', ...claimFields(claimId, sentence) });
    await contentToBackground.sendMessage('openCorrectionForm', draft.id);
  }

  async function suggestCorrection(claimId: string, sentence: string): Promise<void> {
    const draft = await draftForClaim({ kind: 'wrong-tier', ...claimFields(claimId, sentence) });
    await contentToBackground.sendMessage('openCorrectionForm', draft.id);
  }

  const report = (what: string) => (error: unknown) => console.warn(`[Claim Lens] ${what} failed:`, error);

  return {
    beforeLabeling() {
      loaded ??= dismissalsItem.read().then(({ value }) => index.replace(value));
      return loaded;
    },
    isDismissed: (claimId, sentence) => index.has(location.href, claimId, sentence),
    watchDismissals: (onChange) =>
      dismissalsItem.watch((list) => {
        index.replace(list);
        onChange();
      }),
    cardActions: ({ text }) => ({
      onNotThisClaim: (claimId) =>
        void dismiss({ pageUrl: location.href, claimId, sentence: text }).catch(report('Not this claim')),
      onUndoNotThisClaim: (claimId) =>
        void undismiss({ pageUrl: location.href, claimId, sentence: text }).catch(report('Undo')),
      onExplainNotThisClaim: (claimId) =>
        void explainNotThisClaim(claimId, text).catch(report('Tell us why')),
      onSuggestCorrection: (claimId) =>
        void suggestCorrection(claimId, text).catch(report('Suggest a correction')),
    }),
  };
}
