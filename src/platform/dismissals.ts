import { z } from 'zod';
import { isSameDismissal, normalizeSentence, pageKey } from './dismissal-index';
import { defineValidatedList } from './storage/validated-list';

export { DismissalIndex, isSameDismissal, normalizeSentence, pageKey } from './dismissal-index';

/**
 * "Not this claim": the reader says a sentence on a page does not state a claim. It takes effect at once
 * for this reader (the highlight goes) and is remembered per page, claim and sentence, so the same
 * words elsewhere, or another claim on the same words, are still labeled.
 */
export const DismissalSchema = z.strictObject({
  /** The page address without its #fragment: jumping to a heading is the same page. */
  pageUrl: z.string().min(1).max(8000),
  claimId: z.string().min(1).max(200),
  /** The page's words, whitespace collapsed. */
  sentence: z.string().min(1).max(6000),
  at: z.string(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

export const dismissalsItem = defineValidatedList({
  key: 'local:dismissals',
  entrySchema: DismissalSchema,
  version: 2,
  noun: 'hidden highlight',
});

export function dismissalsFor(dismissals: Dismissal[], pageUrl: string): Dismissal[] {
  const page = pageKey(pageUrl);
  return dismissals.filter((d) => d.pageUrl === page);
}

export async function dismiss(entry: Omit<Dismissal, 'at'>, now = new Date()): Promise<void> {
  const dismissal: Dismissal = {
    pageUrl: pageKey(entry.pageUrl),
    claimId: entry.claimId,
    sentence: normalizeSentence(entry.sentence),
    at: now.toISOString(),
  };
  await dismissalsItem.update((list) =>
    list.some((d) => isSameDismissal(d, dismissal)) ? list : [...list, dismissal],
  );
}

export async function undismiss(entry: Pick<Dismissal, 'pageUrl' | 'claimId' | 'sentence'>): Promise<void> {
  await dismissalsItem.update((list) => list.filter((d) => !isSameDismissal(d, entry)));
}
