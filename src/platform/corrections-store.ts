import { storage } from '#imports';
import { buildExportFile, type ExportFile, mergeCorrections } from '../core/corrections/export-file';
import {
  type Correction,
  type CorrectionDraft,
  CorrectionSchema,
  type DraftResult,
  DraftSchema,
  newDraft,
  validateDraft,
} from '../core/corrections/schema';
import { dismiss } from './dismissals';
import { defineValidatedList } from './storage/validated-list';

/** Corrections the reader is still writing. Kept as typed, valid or not, so closing the popup loses nothing. */
export const draftsItem = defineValidatedList({
  key: 'local:correctionDrafts',
  entrySchema: DraftSchema,
  version: 2,
  noun: 'unfinished correction',
});

/** Corrections the reader filed, with where each has gone since (sent as an issue, exported). */
export const correctionsItem = defineValidatedList({
  key: 'local:corrections',
  entrySchema: CorrectionSchema,
  version: 2,
  noun: 'correction',
});

export async function saveDraft(draft: CorrectionDraft, now = new Date()): Promise<void> {
  const saved = { ...draft, updatedAt: now.toISOString() };
  await draftsItem.update((list) =>
    list.some((d) => d.id === draft.id) ? list.map((d) => (d.id === draft.id ? saved : d)) : [...list, saved],
  );
}

export async function deleteDraft(id: string): Promise<void> {
  await draftsItem.update((list) => list.filter((d) => d.id !== id));
}

/**
 * The draft for this claim on this sentence, or a new one. Clicking "Suggest a correction" twice opens
 * the same draft with what was already typed, instead of a second empty one.
 */
export async function draftForClaim(fields: Parameters<typeof newDraft>[0]): Promise<CorrectionDraft> {
  let result: CorrectionDraft | undefined;
  await draftsItem.update((list) => {
    result = list.find(
      (d) =>
        d.kind !== 'missing-claim' &&
        fields.kind !== 'missing-claim' &&
        d.claimId === fields.claimId &&
        d.pageUrl === fields.pageUrl &&
        d.sentence === newDraft(fields).sentence,
    );
    if (result) return list;
    result = newDraft(fields);
    return [...list, result];
  });
  return result!;
}

export async function addDraft(draft: CorrectionDraft): Promise<void> {
  await draftsItem.update((list) => [...list.filter((d) => d.id !== draft.id), draft]);
}

/**
 * Saves a draft as a correction: validates it, moves it from drafts to corrections and, for a wrong match,
 * hides the highlight for this reader (saving "this sentence is not that claim" means they no longer want
 * it). Saving sends nothing: sending is the reader's next, separate step.
 */
export async function fileDraft(draft: CorrectionDraft): Promise<DraftResult> {
  const result = validateDraft(draft);
  if (!result.ok) {
    await saveDraft(draft);
    return result;
  }
  const { correction } = result;
  await correctionsItem.update((list) => [...list.filter((c) => c.id !== correction.id), correction]);
  await deleteDraft(draft.id);
  if (correction.kind === 'wrong-match') {
    await dismiss({
      pageUrl: correction.pageUrl,
      claimId: correction.claimId,
      sentence: correction.sentence,
    });
  }
  return result;
}

export async function deleteCorrection(id: string): Promise<void> {
  await correctionsItem.update((list) => list.filter((c) => c.id !== id));
}

export async function markSent(id: string): Promise<void> {
  await correctionsItem.update((list) => list.map((c) => (c.id === id ? { ...c, status: 'sent' } : c)));
}

/** Copied or downloaded to send by hand; "sent" stays "sent" (that is further along). */
export async function markExported(id: string): Promise<void> {
  await correctionsItem.update((list) =>
    list.map((c) => (c.id === id && c.status === 'filed' ? { ...c, status: 'exported' } : c)),
  );
}

/**
 * The export file for all filed corrections. Filed ones become "exported" (sent ones stay "sent": that
 * is further along), and the file holds them as they are after the export, so importing it back gives
 * exactly what is stored.
 */
export async function exportCorrections(now = new Date()): Promise<ExportFile> {
  const updated = await correctionsItem.update((list) =>
    list.map((c): Correction => (c.status === 'filed' ? { ...c, status: 'exported' } : c)),
  );
  return buildExportFile({ corrections: updated }, now);
}

export async function importCorrections(
  imported: Correction[],
): Promise<{ added: number; alreadyPresent: number }> {
  let counts = { added: 0, alreadyPresent: 0 };
  await correctionsItem.update((list) => {
    const { merged, added, alreadyPresent } = mergeCorrections(list, imported);
    counts = { added, alreadyPresent };
    return merged;
  });
  return counts;
}

// --- Opening a draft in the popup ---------------------------------------------------------------------

/**
 * A draft the popup should open next. action.openPopup() cannot pass parameters, so the background
 * leaves this note; the popup takes it if it is fresh and for its tab.
 */
interface OpenRequest {
  draftId: string;
  tabId?: number;
  at: number;
}
const openRequestItem = storage.defineItem<OpenRequest | null>('local:openDraftRequest', { fallback: null });
const OPEN_REQUEST_TTL_MS = 2 * 60_000;

export async function requestDraftOpen(
  draftId: string,
  tabId: number | undefined,
  now = Date.now(),
): Promise<void> {
  await openRequestItem.setValue({ draftId, tabId, at: now });
}

export async function takeDraftOpenRequest(
  tabId: number | undefined,
  now = Date.now(),
): Promise<string | undefined> {
  const request = await openRequestItem.getValue();
  if (!request || typeof request.draftId !== 'string') return undefined;
  if (now - request.at > OPEN_REQUEST_TTL_MS) {
    await openRequestItem.removeValue();
    return undefined;
  }
  if (request.tabId !== undefined && tabId !== undefined && request.tabId !== tabId) return undefined;
  await openRequestItem.removeValue();
  return request.draftId;
}
