import type { ClaimPack } from '../core/pack/schema';
import { draftForClaim } from '../platform/corrections-store';
import { DismissalIndex, dismiss, dismissalsItem } from '../platform/dismissals';
import { contentToBackground } from '../platform/protocol';
import type { ClaimLensHooks } from './claim-lens';

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

  async function notThisClaim(claimId: string, sentence: string): Promise<void> {
    await dismiss({ pageUrl: location.href, claimId, sentence });
    // Kept as an unfinished correction in the popup, so the reader can tell us why in one more step.
    await draftForClaim({ kind: 'wrong-match', ...claimFields(claimId, sentence) });
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
      onNotThisClaim: (claimId) => void notThisClaim(claimId, text).catch(report('Not this claim')),
      onSuggestCorrection: (claimId) =>
        void suggestCorrection(claimId, text).catch(report('Suggest a correction')),
    }),
  };
}
