import { useEffect, useRef, useState } from 'preact/hooks';
import { type Correction, newDraft } from '../../core/corrections/schema';
import {
  addDraft,
  correctionsItem,
  draftForClaim,
  draftsItem,
  takeDraftOpenRequest,
} from '../../platform/corrections-store';
import { dismiss, dismissalsFor, dismissalsItem, undismiss } from '../../platform/dismissals';
import type { PageFindings } from '../../platform/protocol';
import { settingsItem } from '../../platform/settings-item';
import { Notice } from '../shared/Notice';
import { useActivePack } from '../shared/use-active-pack';
import { downloadCorrections, sendCorrection } from '../shared/use-send';
import { useProblems, useQuarantine, useStored } from '../shared/use-stored';
import { Controls } from './Controls';
import { CorrectionsSection } from './CorrectionsSection';
import { FindingsList } from './FindingsList';
import { FormView } from './FormView';
import { HiddenList } from './HiddenList';
import { hostOf, PageStatusMessage, Unavailable } from './PageStateMessage';
import { PageSummary } from './PageSummary';
import { PopupShell } from './PopupShell';
import { focusHighlight } from './page-state';
import { SavedView } from './SavedView';
import { claimKey, type FoundClaim, keepHiddenInPlace, type SentenceGroup, sentenceGroups } from './summary';
import { usePage } from './use-page';

type View = { kind: 'main' } | { kind: 'form'; draftId: string } | { kind: 'saved'; correction: Correction };

export function Popup({ tabIdParam, draftParam }: { tabIdParam: string | null; draftParam: string | null }) {
  const { pack } = useActivePack();
  const [problems, addProblem] = useProblems();
  const settings = useStored(settingsItem, addProblem);
  const drafts = useStored(draftsItem, addProblem);
  const corrections = useStored(correctionsItem, addProblem);
  const dismissals = useStored(dismissalsItem, addProblem);
  const quarantine = useQuarantine();
  const { state, refresh, ready } = usePage(tabIdParam);
  const [view, setView] = useState<View>({ kind: 'main' });
  const [notice, setNotice] = useState('');
  const [hiddenNow, setHiddenNow] = useState<Set<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string>();
  const previousGroups = useRef<SentenceGroup[]>([]);

  useEffect(() => {
    void ready.then(async (tabId) => {
      // Always take the background's request, so it is not reopened next time.
      const requested = await takeDraftOpenRequest(tabId);
      const draftId = draftParam ?? requested;
      if (draftId) setView({ kind: 'form', draftId });
    });
  }, []);

  const shell = (children: preact.ComponentChildren) => (
    <PopupShell pack={pack} problems={problems} quarantined={quarantine.length}>
      {children}
    </PopupShell>
  );

  if (view.kind === 'form') {
    return shell(
      <FormView
        draftId={view.draftId}
        drafts={drafts}
        pack={pack}
        onBack={() => setView({ kind: 'main' })}
        onSaved={(correction) => setView({ kind: 'saved', correction })}
      />,
    );
  }
  if (view.kind === 'saved') {
    const stored = corrections?.find((c) => c.id === view.correction.id) ?? view.correction;
    return shell(<SavedView correction={stored} onDone={() => setView({ kind: 'main' })} />);
  }

  const page = state.kind === 'ready' ? state.page : undefined;
  const claimsById = new Map(pack.claims.map((c) => [c.id, c]));
  const groups = page
    ? keepHiddenInPlace(
        sentenceGroups(page.findings, (id) => claimsById.get(id), page.published?.date ?? null),
        previousGroups.current,
        hiddenNow,
      )
    : [];
  previousGroups.current = groups;

  /** What every correction about a found claim is pre-filled with. */
  const claimFields = (found: FoundClaim, on: PageFindings) => ({
    claimId: found.claimId,
    currentTier: found.tier,
    sentence: found.text,
    pageUrl: on.url,
    pageTitle: on.title,
    packVersion: pack.version,
  });

  async function openDraftFor(found: FoundClaim, kind: 'wrong-tier' | 'wrong-match') {
    if (!page) return;
    const draft = await draftForClaim({ kind, ...claimFields(found, page) });
    setView({ kind: 'form', draftId: draft.id });
  }

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

  const actions = {
    onFocus: async (found: FoundClaim) => {
      if (state.kind !== 'ready') return;
      if (!(await focusHighlight(state.tabId, found.highlightId, found.claimId))) refresh();
    },
    onNotThisClaim: (found: FoundClaim) => {
      if (!page) return;
      // Hidden at once, in place; no correction unless the reader asks to tell us why.
      setHiddenNow((set) => new Set(set).add(claimKey(found)));
      setFocusKey(claimKey(found));
      setNotice('Hidden on this page for you. Show it again, or tell us why, from the same place.');
      void dismiss({ pageUrl: page.url, claimId: found.claimId, sentence: found.text });
    },
    onShowAgain: (found: FoundClaim) => {
      if (!page) return;
      setHiddenNow((set) => {
        const next = new Set(set);
        next.delete(claimKey(found));
        return next;
      });
      setNotice('Shown again on the page.');
      void undismiss({ pageUrl: page.url, claimId: found.claimId, sentence: found.text });
    },
    onExplain: (found: FoundClaim) => void openDraftFor(found, 'wrong-match'),
    onSuggest: (found: FoundClaim) => void openDraftFor(found, 'wrong-tier'),
  };

  const hidden =
    page && dismissals
      ? dismissalsFor(dismissals, page.url).filter(
          (d) => !hiddenNow.has(claimKey({ text: d.sentence, claimId: d.claimId })),
        )
      : [];
  return shell(
    <>
      <section aria-labelledby="page-heading" class="page-section">
        <h2 id="page-heading">On this page</h2>
        {state.kind === 'loading' && <p class="state">Looking at this page…</p>}
        {state.kind === 'unavailable' && <Unavailable reason={state.reason} />}
        {page && <PageStatusMessage page={page} settings={settings} empty={groups.length === 0} />}
        {page && page.status === 'labeled' && groups.length > 0 && (
          <>
            <PageSummary page={page} groups={groups} pack={pack} />
            <FindingsList
              groups={groups}
              statementOf={(id) => claimsById.get(id)?.statement ?? id}
              actions={actions}
              focusKey={focusKey}
            />
          </>
        )}
        {hidden.length > 0 && (
          <HiddenList hidden={hidden} pack={pack} onShowAgain={(d) => void undismiss(d)} />
        )}
      </section>
      <Notice text={notice} />
      {settings && <Controls settings={settings} host={page ? hostOf(page.url) : ''} />}
      <CorrectionsSection
        drafts={drafts ?? []}
        corrections={corrections ?? []}
        pack={pack}
        canReportMissed={Boolean(page)}
        onReportMissed={() => void startMissedClaim()}
        onContinue={(d) => setView({ kind: 'form', draftId: d.id })}
        onSend={(c) => void sendCorrection(c).then(setNotice)}
        onDownload={() => void downloadCorrections().then(setNotice)}
      />
    </>,
  );
}
