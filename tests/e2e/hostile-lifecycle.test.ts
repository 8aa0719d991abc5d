import { describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness';
import { CARD, findingsOn, hoverHighlight, paintedRanges } from './highlights';
import { expectPageFine, openHostile, pageState, paintedSoon, serveHostilePages } from './hostile-pages';

/** What the page and the reader notice while labels come and go. */
const session = useExtensionSession(serveHostilePages);

describe('labels follow the page', () => {
  it('the popup gets a real answer even while the labeler is still loading', async () => {
    const opened = await openHostile(session, 'keys.html');
    // Asked at once, and again while nobody answers (as the popup does): the first answer waits for the
    // labeler rather than say "nothing here".
    let answer: Awaited<ReturnType<typeof findingsOn>> = null;
    await expect.poll(async () => (answer = await findingsOn(opened.page)), { timeout: 3000 }).not.toBeNull();
    expect(answer!.status).toBe('labeled');
    expect(answer!.findings.length).toBeGreaterThan(0);
    await opened.page.close();
  });

  it('a labeled paragraph the page removes takes its highlight with it', async () => {
    const opened = await openHostile(session, 'keys.html');
    const { page } = opened;
    await paintedSoon(page);
    await page.evaluate(() => (window as any).__page.dropFirst());
    await expect
      .poll(async () => (await paintedRanges(page)).some((r) => r.text.includes('one trillion')), {
        timeout: 5000,
      })
      .toBe(false);
    expect((await paintedRanges(page)).length).toBeGreaterThan(0);
    await expectPageFine(opened);
    await page.close();
  });

  it('the page still hears its keys; Escape closes our card and reaches the page when focus is not in the card', async () => {
    const opened = await openHostile(session, 'keys.html');
    const { page } = opened;
    await paintedSoon(page);
    await page.focus('#search');
    await page.keyboard.type('v4');
    await hoverHighlight(page);
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'hidden' });
    const { keys } = await pageState<{ keys: string[] }>(page);
    expect(keys).toEqual(['v', '4', 'Escape']);
    expect(await page.evaluate(() => (document.getElementById('search') as HTMLInputElement).value)).toBe(
      'v4',
    );
    await page.close();
  });

  it('the card is a dialog and adds no landmarks to the page', async () => {
    const opened = await openHostile(session, 'keys.html');
    const { page } = opened;
    await paintedSoon(page);
    await hoverHighlight(page);
    const roles = await page.evaluate(() => {
      const root = document.querySelector('[data-claim-lens="card"]')!.shadowRoot!;
      const landmarks = root.querySelectorAll(
        'main, nav, aside, form[aria-label], section[aria-label], section[aria-labelledby], [role=region], [role=banner], [role=contentinfo], [role=navigation], [role=complementary], [role=main]',
      ).length;
      return { dialog: root.querySelectorAll('[role="dialog"]').length, landmarks };
    });
    expect(roles).toEqual({ dialog: 1, landmarks: 0 });
    await page.close();
  });
});
