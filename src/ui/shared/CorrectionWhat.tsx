import { type Correction, type CorrectionDraft, KIND_LABELS } from '../../core/corrections/schema';
import type { ClaimPack } from '../../core/pack/schema';
import { truncate } from '../../core/text';
import { TierBadge } from './TierBadge';

/** One line saying what a correction or draft is about: its kind, the proposed tier, the claim or words. */
export function CorrectionWhat({
  item,
  pack,
}: {
  item: Correction | CorrectionDraft;
  pack: Pick<ClaimPack, 'claims'>;
}) {
  const claim =
    'claimId' in item && item.claimId ? pack.claims.find((c) => c.id === item.claimId) : undefined;
  return (
    <>
      <span class="kind">{KIND_LABELS[item.kind].short}</span>
      {item.kind === 'wrong-tier' && item.proposedTier && (
        <>
          {' '}
          <span class="muted">→</span> <TierBadge tier={item.proposedTier} />
        </>
      )}
      <span class="what">
        {claim
          ? truncate(claim.statement, 110)
          : item.sentence
            ? `“${truncate(item.sentence, 110)}”`
            : '(no text yet)'}
      </span>
    </>
  );
}
