import type { PageClaim } from '../core/match/answer';
import { draftForClaim } from '../platform/corrections-store';
import { dismiss, undismiss } from '../platform/dismissals';
import { contentToBackground } from '../platform/protocol';
import type { CardActions } from '../ui/card/ClaimCard';

/**
 * The card's buttons: every one writes to storage (a dismissal, a correction draft), so they live in the
 * zod storage half, which the page loads only when the reader first presses one.
 */
export function cardActionsFor(
  /** The labeler's pack; passed in so this storage module does not bundle a second copy of it. */
  getPack: () => { version: string; claims: readonly Pick<PageClaim, 'id' | 'tier'>[] },
  { text }: { text: string },
): CardActions {
  function claimFields(claimId: string) {
    const pack = getPack();
    return {
      claimId,
      currentTier: pack.claims.find((c) => c.id === claimId)?.tier,
      sentence: text,
      pageUrl: location.href,
      pageTitle: document.title,
      packVersion: pack.version,
    };
  }

  /** Hides at once; a correction exists only if the reader then asks to tell us why. */
  async function explainNotThisClaim(claimId: string): Promise<void> {
    const draft = await draftForClaim({ kind: 'wrong-match', ...claimFields(claimId) });
    await contentToBackground.sendMessage('openCorrectionForm', draft.id);
  }

  async function suggestCorrection(claimId: string): Promise<void> {
    const draft = await draftForClaim({ kind: 'wrong-tier', ...claimFields(claimId) });
    await contentToBackground.sendMessage('openCorrectionForm', draft.id);
  }

  const report = (what: string) => (error: unknown) => console.warn(`[Claim Lens] ${what} failed:`, error);
  return {
    onNotThisClaim: (claimId) =>
      void dismiss({ pageUrl: location.href, claimId, sentence: text }).catch(report('Not this claim')),
    onUndoNotThisClaim: (claimId) =>
      void undismiss({ pageUrl: location.href, claimId, sentence: text }).catch(report('Undo')),
    onExplainNotThisClaim: (claimId) => void explainNotThisClaim(claimId).catch(report('Tell us why')),
    onSuggestCorrection: (claimId) => void suggestCorrection(claimId).catch(report('Suggest a correction')),
  };
}
