import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/platform/protocol';
import { isRestrictedUrl, unavailableReason } from '../../src/ui/popup/page-state';
import { foundClaims, summarizeTiers } from '../../src/ui/popup/summary';

const finding = (id: string, tiers: Finding['claims'][number]['tier'][]): Finding => ({
  highlightId: id,
  text: `words ${id}`,
  claims: tiers.map((tier, i) => ({
    claimId: `${id}-${i}`,
    tier,
    strength: 0.8,
    strengthLabel: 'Close paraphrase (80% match)',
  })),
});

describe('popup summary', () => {
  it('counts claims per tier, mildest first, and lists a sentence with two claims twice', () => {
    const findings = [
      finding('a', ['contradicted', 'rumor']),
      finding('b', ['confirmed']),
      finding('c', ['rumor']),
      finding('d', ['reported', 'confirmed']),
    ];
    const claims = foundClaims(findings);
    expect(claims).toHaveLength(6);
    expect(claims[1]).toMatchObject({ highlightId: 'a', claimId: 'a-1', tier: 'rumor', text: 'words a' });
    expect(summarizeTiers(claims)).toBe('6 claims: 2 confirmed · 1 reported · 2 rumor · 1 contradicted');
    expect(summarizeTiers([{ tier: 'rumor' }])).toBe('1 claim: 1 rumor');
  });

  it('knows which pages no extension may run on', () => {
    expect(isRestrictedUrl('chrome://extensions/')).toBe(true);
    expect(isRestrictedUrl('file:///tmp/a.html')).toBe(true);
    expect(isRestrictedUrl('https://chromewebstore.google.com/detail/x')).toBe(true);
    expect(isRestrictedUrl('https://addons.mozilla.org/en-US/firefox/')).toBe(true);
    expect(isRestrictedUrl('https://news.example.test/seed-000.html')).toBe(false);
  });

  it('explains a tab without our content script as well as the browser lets us know', () => {
    expect(unavailableReason({ url: 'chrome://settings/', status: 'complete' })).toBe('restricted');
    expect(unavailableReason({ url: 'https://a.test/', status: 'loading' })).toBe('loading');
    expect(unavailableReason({ url: 'https://a.test/', status: 'complete' })).toBe('reload');
    expect(unavailableReason({ status: 'complete' })).toBe('unknown');
    expect(unavailableReason(undefined)).toBe('unknown');
  });
});
