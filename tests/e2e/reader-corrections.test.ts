import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Correction, CorrectionDraft } from '../../src/core/corrections/schema';
import { freshStart, openArticle, openPopup, type SW, storedList } from './extension-pages';
import { SITE, useExtensionSession, waitForHighlights } from './harness';
import { CARD, findingsOn, highlightPoint } from './highlights';

/** Corrections without dead ends: hiding is instant and undoable, saving is not sending, Send always works. */
// Clipboard access for the popup page, as a reader's click would give it.
const session = useExtensionSession((s) => s.context.grantPermissions(['clipboard-read', 'clipboard-write']));
const PRE = 'reader-pre-release.html';
beforeEach(() => freshStart(session));

const drafts = () => storedList<CorrectionDraft>(session, 'correctionDrafts');
const corrections = () => storedList<Correction>(session, 'corrections');
const stated = async (page: Page, claimId: string) =>
  (await findingsOn(page))!.findings.some((f) => f.claims.some((c) => c.claimId === claimId));

async function openCardOnSingleClaim(page: Page): Promise<string> {
  const highlights = await waitForHighlights(page);
  const uses = (id: string) => highlights.filter((h) => h.claimIds.includes(id)).length;
  const single = highlights.find((h) => h.claimIds.length === 1 && uses(h.claimId) === 1)!;
  const point = await highlightPoint(page, { text: single.text });
  await page.mouse.move(point!.x, point!.y);
  await page.locator(CARD).waitFor({ state: 'visible' });
  return single.claimId;
}

describe('“Not this claim” on the page', () => {
  it('hides at once, offers Undo on the page with focus on it, and creates no correction', async () => {
    const { page } = await openArticle(session, `${PRE}?hide=1`);
    const claimId = await openCardOnSingleClaim(page);
    await page.locator(`${CARD} .actions`).getByRole('button', { name: 'Not this claim' }).click();
    const toast = page.locator('[data-claim-lens="toast"] .toast');
    await toast.waitFor({ state: 'visible' });
    expect(await toast.textContent()).toContain('Hidden for you on this page.');
    await expect.poll(() => stated(page, claimId)).toBe(false);
    expect(
      await toast
        .getByRole('button', { name: 'Undo' })
        .evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
    expect(await drafts()).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => stated(page, claimId)).toBe(true);
    await toast.waitFor({ state: 'detached' });
    expect(await drafts()).toEqual([]);
  });

  it('“Tell us why” is the one way it becomes a correction: a wrong-match draft, opened for the reader', async () => {
    const { page } = await openArticle(session, `${PRE}?why=1`);
    const claimId = await openCardOnSingleClaim(page);
    await page.locator(`${CARD} .actions`).getByRole('button', { name: 'Not this claim' }).click();
    await page.locator('[data-claim-lens="toast"]').getByRole('button', { name: 'Tell us why' }).click();
    await expect.poll(async () => (await drafts()).length).toBe(1);
    const [draft] = await drafts();
    expect(draft).toMatchObject({ kind: 'wrong-match', claimId, pageUrl: page.url() });
    await expect
      .poll(async () => {
        const popups = await session.worker.evaluate(
          async () =>
            (await (globalThis as unknown as SW).chrome.runtime.getContexts({ contextTypes: ['POPUP'] }))
              .length,
        );
        return popups + session.context.pages().filter((p) => p.url().includes(`draft=${draft!.id}`)).length;
      })
      .toBeGreaterThan(0);
  });
});

describe('Save, then Send', () => {
  it('switching kind clears errors of fields no longer shown; Save keeps it; Send without a tracker copies the report', async () => {
    const { page, tabId } = await openArticle(session, `${PRE}?send=1`);
    await waitForHighlights(page);
    const popup = await openPopup(session, tabId);
    await popup.locator('.finding').first().getByRole('button', { name: 'Suggest a correction' }).click();
    await popup.getByRole('heading', { name: 'Suggest a correction' }).waitFor();
    await popup.getByRole('button', { name: 'Save correction' }).click();
    const summary = popup.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Choose the tier|tier/i);
    await popup.getByRole('radio', { name: 'This sentence is not that claim' }).check();
    // Only the reason is asked for now; the tier and evidence errors went with their fields.
    await expect
      .poll(async () => (await popup.locator('.error-summary li').allTextContents()).join('|'))
      .not.toMatch(/tier|evidence/i);
    expect(await popup.getByText('This draft cannot be saved as it is').count()).toBe(0);
    await popup.locator('#field-reasonTags input[type="checkbox"]').first().check();
    await popup.getByRole('button', { name: 'Save correction' }).click();
    await popup.getByRole('heading', { name: 'Correction saved' }).waitFor();
    expect(await popup.locator('.filed').textContent()).toContain('nothing has been sent');
    const [saved] = await corrections();
    expect(saved!.status).toBe('filed');

    await popup.getByRole('button', { name: 'Send: copy the report' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('Report copied');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('[Claim Lens] Wrong match');
    expect(copied).toContain(`${SITE}/${PRE}`);
    await expect.poll(async () => (await corrections())[0]!.status).toBe('exported');

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download the report (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^claim-lens-corrections-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
