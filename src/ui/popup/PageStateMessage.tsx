import type { Settings } from '../../core/settings/schema';
import { labelingAllowed } from '../../core/settings/site-rules';
import type { PageFindings } from '../../platform/protocol';
import type { UnavailableReason } from './page-state';

export const RESTRICTED_MESSAGE =
  'Claim Lens can’t run on this page (browser pages and extension stores are off-limits to extensions).';
export const NOTHING_FOUND_MESSAGE = 'No known DeepSeek V4 claims on this page.';

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Why the page has no list: paused, off for this site, nothing found. Null when there is a list. */
export function PageStatusMessage({
  page,
  settings,
  empty,
}: {
  page: PageFindings;
  settings: Settings | undefined;
  empty: boolean;
}) {
  const host = hostOf(page.url);
  if (page.status === 'paused') {
    return (
      <p class="state state-paused">
        Claim Lens is paused on all sites. Turn the pause off below to see claims.
      </p>
    );
  }
  if (page.status === 'site-disabled' || (settings && labelingAllowed(settings, host) === 'site-disabled')) {
    return <p class="state state-site-off">Highlighting is off for {host}. Turn it on below.</p>;
  }
  if (!empty) return null;
  const filtered = settings && (settings.tiers.length < 5 || settings.minStrength > 0.5);
  return (
    <p class="state state-none">
      {NOTHING_FOUND_MESSAGE}
      {filtered && ' Some tiers or weaker matches are turned off in Settings.'}
    </p>
  );
}

export function Unavailable({ reason }: { reason: UnavailableReason }) {
  if (reason === 'loading')
    return <p class="state">This page is still loading. Open Claim Lens again in a moment.</p>;
  if (reason === 'reload') {
    return (
      <p class="state">
        Claim Lens has not read this page yet: it was open before Claim Lens was installed or updated. Reload
        the page.
      </p>
    );
  }
  return (
    <div class="state state-restricted">
      <p>{RESTRICTED_MESSAGE}</p>
      {reason === 'unknown' && (
        <p class="hint">
          If this is an ordinary web page that was already open when Claim Lens was installed or updated,
          reload it.
        </p>
      )}
    </div>
  );
}
