import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { type Correction, type CorrectionDraft, newDraft } from '../../core/corrections/schema';
import { loadBundledPack } from '../../core/pack/bundled';
import type { ClaimPack, Tier } from '../../core/pack/schema';
import { TIER_STYLES } from '../../core/tier-styles';
import { correctionsExport, openAsGitHubIssue } from '../../platform/corrections-send';
import {
  addDraft,
  correctionsItem,
  deleteDraft,
  draftForClaim,
  draftsItem,
  fileDraft,
  saveDraft,
  takeDraftOpenRequest,
} from '../../platform/corrections-store';
import { type Dismissal, dismiss, dismissalsFor, dismissalsItem, undismiss } from '../../platform/dismissals';
import type { PageFindings } from '../../platform/protocol';
import { labelingAllowed, type Settings, settingsItem } from '../../platform/settings-item';
import { CorrectionForm } from '../shared/CorrectionForm';
import { CorrectionList, DraftList } from '../shared/CorrectionList';
import { downloadText } from '../shared/download';
import { Switch } from '../shared/Switch';
import { TierBadge } from '../shared/TierBadge';
import { useProblems, useQuarantine, useStored } from '../shared/use-stored';
import {
  focusHighlight,
  loadPageState,
  type PageState,
  resolveTabId,
  type UnavailableReason,
} from './page-state';
import { type FoundClaim, foundClaims, summarizeTiers, tierCounts } from './summary';

type View = { kind: 'main' } | { kind: 'form'; draftId: string } | { kind: 'filed'; correction: Correction };

const RESTRICTED_MESSAGE =
  'Claim Lens can’t run on this page (browser pages and extension stores are off-limits to extensions).';
const NOTHING_FOUND_MESSAGE = 'No known DeepSeek V4 claims on this page.';
export const REPO_UNSET_MESSAGE =
  'To open issues, first set the project’s GitHub repository in Settings, under “Where corrections go”. Export works without it.';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function Popup({ tabIdParam, draftParam }: { tabIdParam: string | null; draftParam: string | null }) {
  const pack = loadBundledPack();
  const [problems, addProblem] = useProblems();
  const settings = useStored(settingsItem, addProblem);
  const drafts = useStored(draftsItem, addProblem);
  const corrections = useStored(correctionsItem, addProblem);
  const dismissals = useStored(dismissalsItem, addProblem);
  const quarantine = useQuarantine();
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [view, setView] = useState<View>({ kind: 'main' });
  const [notice, setNotice] = useState('');
  const tabId = useRef<number | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      tabId.current = await resolveTabId(tabIdParam);
      // Always take the background's request, so it is not reopened next time.
      const requested = await takeDraftOpenRequest(tabId.current);
      const draftId = draftParam ?? requested;
      if (draftId) setView({ kind: 'form', draftId });
      setState(await loadPageState(tabId.current));
    })();
  }, []);

  // Settings and dismissals make the page re-scan; ask again as it finishes (a long article on a slow
  // machine takes seconds).
  const firstChange = useRef(true);
  useEffect(() => {
    if (settings === undefined || dismissals === undefined) return;
    if (firstChange.current) {
      firstChange.current = false;
      return;
    }
    const timers = [250, 800, 2000, 4500].map((ms) =>
      setTimeout(() => void loadPageState(tabId.current).then(setState), ms),
    );
    return () => timers.forEach(clearTimeout);
  }, [settings, dismissals]);

  const refresh = () => void loadPageState(tabId.current).then(setState);
  const page = state.kind === 'ready' ? state.page : undefined;

  async function openIssue(correction: Correction) {
    if (!settings?.correctionRepo) {
      setNotice(REPO_UNSET_MESSAGE);
      return;
    }
    await openAsGitHubIssue(correction, settings.correctionRepo);
  }

  async function exportAll() {
    const { fileName, text, count } = await correctionsExport();
    downloadText(fileName, text);
    setNotice(`Exported ${count} correction${count === 1 ? '' : 's'} to ${fileName}.`);
  }

  if (view.kind === 'form') {
    return (
      <Shell pack={pack} problems={problems} quarantined={quarantine.length}>
        <FormView
          draftId={view.draftId}
          drafts={drafts}
          pack={pack}
          onBack={() => setView({ kind: 'main' })}
          onFiled={(correction) => {
            setView({ kind: 'filed', correction });
            refresh();
          }}
        />
      </Shell>
    );
  }

  if (view.kind === 'filed') {
    const stored = corrections?.find((c) => c.id === view.correction.id) ?? view.correction;
    return (
      <Shell pack={pack} problems={problems} quarantined={quarantine.length}>
        <section aria-labelledby="filed-heading" class="filed">
          <h2 id="filed-heading" tabIndex={-1} ref={(el) => el?.focus()}>
            <span aria-hidden="true">✓ </span>Correction filed
          </h2>
          <p>
            It is kept here in your browser.
            {stored.kind === 'wrong-match' && ' The highlight is hidden on this page for you.'} Send it to the
            maintainers as a GitHub issue, or export it as a file.
          </p>
          <Notice text={notice} />
          <div class="button-row">
            <button type="button" class="primary" onClick={() => void openIssue(stored)}>
              Open issue on GitHub
            </button>
            <button type="button" onClick={() => void exportAll()}>
              Export corrections (JSON)
            </button>
            <button type="button" onClick={() => setView({ kind: 'main' })}>
              Done
            </button>
          </div>
        </section>
      </Shell>
    );
  }

  const host = page ? hostOf(page.url) : '';
  const hidden = page && dismissals ? dismissalsFor(dismissals, page.url) : [];
  const allDrafts = drafts ?? [];

  async function startMissedClaim() {
    if (!page) return;
    const draft = newDraft({
      kind: 'missing-claim',
      sentence: '',
      pageUrl: page.url,
      pageTitle: page.title,
      packVersion: pack.version,
    });
    await addDraft(draft);
    setView({ kind: 'form', draftId: draft.id });
  }

  /** What every correction about a found claim is pre-filled with. */
  const claimFields = (found: FoundClaim, on: PageFindings) => ({
    claimId: found.claimId,
    currentTier: found.tier,
    sentence: found.text,
    pageUrl: on.url,
    pageTitle: on.title,
    packVersion: pack.version,
  });

  async function suggestCorrection(found: FoundClaim) {
    if (!page) return;
    const draft = await draftForClaim({ kind: 'wrong-tier', ...claimFields(found, page) });
    setView({ kind: 'form', draftId: draft.id });
  }

  async function notThisClaim(found: FoundClaim) {
    if (!page) return;
    await dismiss({ pageUrl: page.url, claimId: found.claimId, sentence: found.text });
    await draftForClaim({ kind: 'wrong-match', ...claimFields(found, page) });
    setNotice('Hidden on this page. You can tell us why under “Unfinished corrections”, or show it again.');
  }

  return (
    <Shell pack={pack} problems={problems} quarantined={quarantine.length}>
      <section aria-labelledby="page-heading" class="page-section">
        <h2 id="page-heading">On this page</h2>
        <PageBody
          state={state}
          settings={settings}
          pack={pack}
          onFocus={async (found) => {
            if (state.kind !== 'ready') return;
            if (!(await focusHighlight(state.tabId, found.highlightId))) refresh();
          }}
          onNotThisClaim={(found) => void notThisClaim(found)}
          onSuggest={(found) => void suggestCorrection(found)}
        />
        {hidden.length > 0 && (
          <HiddenList hidden={hidden} pack={pack} onShowAgain={(d) => void undismiss(d)} />
        )}
      </section>

      <Notice text={notice} />

      {settings && (
        <section aria-labelledby="controls-heading" class="controls">
          <h2 id="controls-heading">Highlighting</h2>
          {page && host && (
            <Switch
              id="site-switch"
              checked={settings.sites[host] !== 'never'}
              onChange={(on) => void setSite(settings, host, on)}
            >
              Highlight claims on {host}
            </Switch>
          )}
          <Switch
            id="pause-switch"
            checked={settings.paused}
            onChange={(paused) => void settingsItem.write({ ...settings, paused })}
            description="Pauses every site, except sites set to “always” in Settings."
          >
            Pause Claim Lens everywhere
          </Switch>
        </section>
      )}

      <section aria-labelledby="corrections-heading" class="corrections-section">
        <h2 id="corrections-heading">Corrections</h2>
        <p class="hint">
          Wrong match or tier? Use the buttons on a claim above or on its card. To report a claim we missed,
          select its words on the page, right-click and choose “Report a missed V4 claim”, or:
        </p>
        <div class="button-row">
          <button type="button" onClick={() => void startMissedClaim()} disabled={!page}>
            Report a missed claim
          </button>
        </div>
        {allDrafts.length > 0 && (
          <>
            <h3>Unfinished corrections</h3>
            <DraftList
              drafts={allDrafts}
              pack={pack}
              onContinue={(d) => setView({ kind: 'form', draftId: d.id })}
              onDiscard={(d) => void deleteDraft(d.id)}
            />
          </>
        )}
        {corrections && corrections.length > 0 && (
          <>
            <h3>Filed corrections</h3>
            {!settings?.correctionRepo && <p class="hint">{REPO_UNSET_MESSAGE}</p>}
            <CorrectionList corrections={corrections} pack={pack} onOpenIssue={(c) => void openIssue(c)} />
            <div class="button-row">
              <button type="button" onClick={() => void exportAll()}>
                Export corrections (JSON)
              </button>
            </div>
          </>
        )}
      </section>
    </Shell>
  );
}

async function setSite(settings: Settings, host: string, on: boolean): Promise<void> {
  const sites = { ...settings.sites };
  if (on) delete sites[host];
  else sites[host] = 'never';
  await settingsItem.write({ ...settings, sites });
}

function Shell({
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
      <header class="popup-header">
        <h1>
          <span class="logo" aria-hidden="true">
            ◎
          </span>{' '}
          Claim Lens
        </h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      {(problems.length > 0 || quarantined > 0) && (
        <div class="problem-banner" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {quarantined > 0 && problems.length === 0 && (
            <p>
              {quarantined} stored value{quarantined === 1 ? ' was' : 's were'} unreadable and set aside.
              Review
              {quarantined === 1 ? ' it' : ' them'} in Settings.
            </p>
          )}
        </div>
      )}
      <main>{children}</main>
      <footer class="popup-footer">
        Claim pack v{pack.version} · data as of {pack.asOf}
      </footer>
    </div>
  );
}

function Notice({ text }: { text: string }) {
  // Always rendered, so screen readers announce changes to it.
  return (
    <p class={text ? 'notice' : 'notice empty'} role="status">
      {text}
    </p>
  );
}

function PageBody({
  state,
  settings,
  pack,
  onFocus,
  onNotThisClaim,
  onSuggest,
}: {
  state: PageState;
  settings: Settings | undefined;
  pack: ClaimPack;
  onFocus(found: FoundClaim): void;
  onNotThisClaim(found: FoundClaim): void;
  onSuggest(found: FoundClaim): void;
}) {
  if (state.kind === 'loading') return <p class="state">Looking at this page…</p>;
  if (state.kind === 'unavailable') return <Unavailable reason={state.reason} />;
  const page: PageFindings = state.page;
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
  const claims = foundClaims(page.findings);
  if (claims.length === 0) {
    const filtered = settings && (settings.tiers.length < 5 || settings.minStrength > 0.5);
    return (
      <p class="state state-none">
        {NOTHING_FOUND_MESSAGE}
        {filtered && ' Some tiers or weaker matches are turned off in Settings.'}
      </p>
    );
  }
  return (
    <FindingsList
      claims={claims}
      pack={pack}
      onFocus={onFocus}
      onNotThisClaim={onNotThisClaim}
      onSuggest={onSuggest}
    />
  );
}

/** The summary, a filter by tier (a long article can state dozens of claims), and the claims. */
function FindingsList({
  claims,
  pack,
  onFocus,
  onNotThisClaim,
  onSuggest,
}: {
  claims: FoundClaim[];
  pack: ClaimPack;
  onFocus(found: FoundClaim): void;
  onNotThisClaim(found: FoundClaim): void;
  onSuggest(found: FoundClaim): void;
}) {
  const [only, setOnly] = useState<Tier | null>(null);
  const counts = tierCounts(claims);
  const shown = only && counts.some((c) => c.tier === only) ? claims.filter((c) => c.tier === only) : claims;
  const statements = new Map(pack.claims.map((c) => [c.id, c.statement]));
  return (
    <>
      <p class="summary">{summarizeTiers(claims)}</p>
      {counts.length > 1 && (
        <fieldset class="tier-filter">
          <legend class="visually-hidden">Show only one tier</legend>
          {counts.map(({ tier, count }) => (
            <button
              key={tier}
              type="button"
              class="chip"
              style={{ '--tier-color': TIER_STYLES[tier].color, '--tier-fill': TIER_STYLES[tier].fill }}
              aria-pressed={only === tier}
              onClick={() => setOnly(only === tier ? null : tier)}
            >
              <span class="tier-icon" aria-hidden="true">
                {TIER_STYLES[tier].icon}
              </span>
              <span class="chip-label">{TIER_STYLES[tier].label}</span>
              <span class="chip-count">{count}</span>
            </button>
          ))}
        </fieldset>
      )}
      <ul
        class="findings"
        aria-label={only ? `${TIER_STYLES[only].label} claims on this page` : 'Claims on this page'}
      >
        {shown.map((found) => (
          <li key={`${found.highlightId}:${found.claimId}`} class={`finding finding-${found.tier}`}>
            <button
              type="button"
              class="finding-main"
              data-highlight-id={found.highlightId}
              data-claim-id={found.claimId}
              onClick={() => onFocus(found)}
            >
              <span class="visually-hidden">Show on page: </span>
              <TierBadge tier={found.tier} />
              <span class="finding-statement">{statements.get(found.claimId) ?? found.claimId}</span>
              <span class="finding-words">
                <span class="visually-hidden">The page says: </span>“{found.text}”
              </span>
            </button>
            <div class="finding-actions">
              <span class="muted strength">{found.strengthLabel}</span>
              <button type="button" class="small" onClick={() => onNotThisClaim(found)}>
                Not this claim
              </button>
              <button type="button" class="small" onClick={() => onSuggest(found)}>
                Suggest a correction
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function Unavailable({ reason }: { reason: UnavailableReason }) {
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

function HiddenList({
  hidden,
  pack,
  onShowAgain,
}: {
  hidden: Dismissal[];
  pack: ClaimPack;
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

function FormView({
  draftId,
  drafts,
  pack,
  onBack,
  onFiled,
}: {
  draftId: string;
  drafts: CorrectionDraft[] | undefined;
  pack: ClaimPack;
  onBack(): void;
  onFiled(correction: Correction): void;
}) {
  // The form edits its own copy; every change is also stored, so nothing typed is lost on close.
  const [draft, setDraft] = useState<CorrectionDraft>();
  useEffect(() => {
    if (!draft && drafts) setDraft(drafts.find((d) => d.id === draftId));
  }, [drafts, draftId]);

  if (!drafts) return <p class="state">Loading…</p>;
  if (!draft) {
    return (
      <div class="state">
        <p>This draft is no longer here: it was filed or discarded.</p>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
    );
  }
  const claim = draft.claimId ? pack.claims.find((c) => c.id === draft.claimId) : undefined;
  return (
    <CorrectionForm
      draft={draft}
      claim={claim}
      onChange={(next) => {
        setDraft(next);
        void saveDraft(next);
      }}
      onSubmit={fileDraft}
      onFiled={onFiled}
      onDiscard={() => void deleteDraft(draft.id).then(onBack)}
      onBack={onBack}
    />
  );
}
