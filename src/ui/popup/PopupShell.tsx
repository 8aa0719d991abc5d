import type { ComponentChildren } from 'preact';
import type { ClaimPack } from '../../core/pack/schema';
import { formatDate } from '../../core/text';
import { openOptionsPage } from '../../platform/tabs';
import { ProblemBanner } from '../shared/ProblemBanner';

export function PopupShell({
  pack,
  problems,
  quarantined,
  children,
}: {
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  problems: string[];
  quarantined: number;
  children: ComponentChildren;
}) {
  return (
    <div class="popup">
      <div class="popup-header">
        <h1>
          <span class="logo" aria-hidden="true">
            ◎
          </span>{' '}
          Claim Lens
        </h1>
        <button type="button" class="link-button" onClick={() => void openOptionsPage()}>
          Settings
        </button>
      </div>
      <ProblemBanner problems={problems} quarantined={quarantined} />
      <main>{children}</main>
      <p class="popup-footer">
        Claim pack v{pack.version} · data as of {formatDate(pack.asOf)}
      </p>
    </div>
  );
}
