import type { ClaimPack } from '../../core/pack/schema';
import type { Dismissal } from '../../platform/dismissals';

/** Claims the reader hid on this page ("Not this claim"), each with a way back. */
export function HiddenList({
  hidden,
  pack,
  onShowAgain,
}: {
  hidden: Dismissal[];
  pack: Pick<ClaimPack, 'claims'>;
  onShowAgain(dismissal: Dismissal): void;
}) {
  const statements = new Map(pack.claims.map((c) => [c.id, c.statement]));
  return (
    <details class="hidden-list">
      <summary>Hidden on this page by you ({hidden.length})</summary>
      <ul class="item-list">
        {hidden.map((d) => (
          <li key={`${d.claimId}:${d.sentence}`} class="item">
            <p class="item-text">
              <span class="what">{statements.get(d.claimId) ?? d.claimId}</span>
              <span class="finding-words">“{d.sentence}”</span>
            </p>
            <div class="item-actions">
              <button type="button" onClick={() => onShowAgain(d)}>
                Show again
              </button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
