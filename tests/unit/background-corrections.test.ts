import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { openCorrectionForm, popupUrl } from '../../src/background/correction-form';
import { takeDraftOpenRequest } from '../../src/platform/corrections-store';

type AnyBrowser = Parameters<typeof openCorrectionForm>[0];
const browser = fakeBrowser as unknown as AnyBrowser;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('opening a draft from the card', () => {
  it('uses the toolbar popup where the browser allows it, leaving the draft for the popup to take', async () => {
    const openPopup = vi.fn().mockResolvedValue(undefined);
    (fakeBrowser as unknown as { action: { openPopup: unknown } }).action.openPopup = openPopup;
    expect(await openCorrectionForm(browser, 'draft-123456', { id: 7, windowId: 2, index: 0 })).toBe('popup');
    expect(openPopup).toHaveBeenCalledWith({ windowId: 2 });
    // Another tab's popup does not take it; this tab's does, once.
    expect(await takeDraftOpenRequest(8)).toBeUndefined();
    expect(await takeDraftOpenRequest(7)).toBe('draft-123456');
    expect(await takeDraftOpenRequest(7)).toBeUndefined();
  });

  it('falls back to the popup page in a new tab next to the article when openPopup is refused', async () => {
    (fakeBrowser as unknown as { action: { openPopup: unknown } }).action.openPopup = vi
      .fn()
      .mockRejectedValue(new Error('requires a user gesture'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openCorrectionForm(browser, 'draft-123456', { id: 7, windowId: 2, index: 3 })).toBe('tab');
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        url: popupUrl(browser, { tabId: 7, draftId: 'draft-123456' }),
        index: 4,
        openerTabId: 7,
      }),
    );
    expect(popupUrl(browser, { tabId: 7, draftId: 'draft-123456' })).toMatch(
      /\/popup\.html\?tabId=7&draft=draft-123456$/,
    );
  });

  it('an old request is not opened by a later popup', async () => {
    await storage.setItem('local:openDraftRequest', {
      draftId: 'draft-old-0001',
      tabId: 7,
      at: Date.now() - 10 * 60_000,
    });
    expect(await takeDraftOpenRequest(7)).toBeUndefined();
  });
});
