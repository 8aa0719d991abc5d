import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/platform/protocol';
import { isRestrictedUrl, unavailableReason } from '../../src/ui/popup/page-state';
import {
  claimKey,
  keepHiddenInPlace,
  sentenceGroups,
  summarizeSentences,
  tierCounts,
} from '../../src/ui/popup/summary';

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
  const history = (tier: string, since = '2025-01') => ({ history: [{ tier, since, note: 'x' }] }) as never;
  const findings = [
    finding('a', ['confirmed']),
    // As the labeler gives them: a sentence's claims in its ranking, the first painted.
    finding('b', ['contradicted', 'rumor']),
    finding('c', ['reported', 'confirmed']),
    finding('d', ['rumor']),
  ];

  it('counts highlighted sentences once each, by the tier their highlight shows, most serious first', () => {
    const groups = sentenceGroups(findings, () => undefined, null);
    expect(groups.map((g) => g.highlightId)).toEqual(['b', 'd', 'c', 'a']);
    expect(groups[0]!.claims.map((c) => c.tier)).toEqual(['contradicted', 'rumor']);
    expect(summarizeSentences(groups)).toBe('4 highlighted sentences');
    expect(tierCounts(groups)).toEqual([
      { tier: 'confirmed', count: 1 },
      { tier: 'reported', count: 1 },
      { tier: 'rumor', count: 1 },
      { tier: 'contradicted', count: 1 },
    ]);
    expect(summarizeSentences(groups.slice(3))).toBe('1 highlighted sentence');
  });

  it('puts a claim that changed after the article was published before one that did not', () => {
    const changed = (id: string) =>
      id === 'a-0'
        ? ({
            history: [
              { tier: 'speculative', since: '2026-01', note: 'x' },
              { tier: 'confirmed', since: '2026-04-24', note: 'y' },
            ],
          } as never)
        : history('confirmed');
    const groups = sentenceGroups(
      [finding('c', ['confirmed']), finding('a', ['confirmed'])],
      changed,
      '2026-02-10',
    );
    expect(groups.map((g) => g.highlightId)).toEqual(['a', 'c']);
  });

  it('keeps a claim the reader just hid in its place, marked hidden, after the page relabels without it', () => {
    const before = sentenceGroups(findings, () => undefined, null);
    const hiddenKey = claimKey(before[0]!.claims[1]!);
    const after = sentenceGroups(
      [findings[0]!, finding('c', ['reported', 'confirmed']), finding('d', ['rumor'])],
      () => undefined,
      null,
    );
    // b's contradicted claim is still there in the relabeled page; only its rumor claim was hidden.
    const withB = [{ ...before[0]!, claims: [before[0]!.claims[0]!] }, ...after];
    const kept = keepHiddenInPlace(withB, before, new Set([hiddenKey]));
    expect(kept[0]!.claims.map((c) => [c.claimId, Boolean(c.hidden)])).toEqual([
      ['b-0', false],
      ['b-1', true],
    ]);
    // A sentence whose only claim was hidden stays where it was.
    const onlyD = claimKey(before[1]!.claims[0]!);
    const withoutD = keepHiddenInPlace(
      after.filter((g) => g.highlightId !== 'd'),
      before,
      new Set([onlyD]),
    );
    expect(withoutD.map((g) => g.highlightId)).toEqual(['d', 'c', 'a']);
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
