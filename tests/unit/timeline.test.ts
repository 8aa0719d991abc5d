import { describe, expect, it } from 'vitest';
import { loadBundledPack } from '../../src/core/pack/bundled';
import {
  changedSincePublication,
  claimTimeline,
  compareDates,
  pageTimeline,
  releaseDateOf,
} from '../../src/core/timeline';

const RUMOR_THEN_CONTRADICTED = [
  {
    tier: 'rumor' as const,
    since: '2026-01',
    note: 'Leaks posted on forums said about one trillion parameters.',
  },
  { tier: 'contradicted' as const, since: '2026-04-24', note: 'The model card gave 1.6T total for V4-Pro.' },
];

describe('compareDates with partial dates', () => {
  it('orders what can be ordered and says when it cannot', () => {
    expect(compareDates('2026-02-10', '2026-04-24')).toBe('before');
    expect(compareDates('2026-05', '2026-04-24')).toBe('after');
    expect(compareDates('2026-04', '2026-04-24')).toBe('overlap');
    expect(compareDates('2026', '2026-04-24')).toBe('overlap');
    expect(compareDates('2026-04-24', '2026-04-24')).toBe('overlap');
  });
});

describe('claimTimeline', () => {
  it('says what the claim was when the article was published and what changed since', () => {
    const line = claimTimeline('2026-02-10', RUMOR_THEN_CONTRADICTED);
    expect(line.kind).toBe('changed');
    expect(line.atPublication).toBe('rumor');
    expect(line.text).toBe(
      'When this article was published (10 February 2026) this was a rumor; it was contradicted on 24 April 2026.',
    );
  });

  it('after the change, the claim was already what it is now', () => {
    const line = claimTimeline('2026-05-03', RUMOR_THEN_CONTRADICTED);
    expect(line.kind).toBe('unchanged');
    expect(line.text).toBe('When this article was published (3 May 2026) this was already contradicted.');
  });

  it('a month-only date that straddles the change is not guessed', () => {
    const line = claimTimeline('2026-04', RUMOR_THEN_CONTRADICTED);
    expect(line.kind).toBe('uncertain');
    expect(line.text).toContain('This article is from April 2026');
    expect(line.text).toContain('may have been written before or after');
  });

  it('an unknown date is said plainly', () => {
    const line = claimTimeline(null, RUMOR_THEN_CONTRADICTED);
    expect(line.kind).toBe('unknown-date');
    expect(line.text).toBe(
      'We could not find when this article was published. Contradicted since 24 April 2026.',
    );
  });

  it('a claim first assessed after publication had no tier then', () => {
    const line = claimTimeline('2026-02-10', [
      { tier: 'confirmed', since: '2026-04-24', note: 'The model card says so.' },
    ]);
    expect(line.atPublication).toBeNull();
    expect(line.text).toMatch(
      /^When this article was published \(10 February 2026\) this had not been assessed yet; it was confirmed on 24 April 2026/,
    );
  });
});

describe('pageTimeline', () => {
  const claims = [
    { id: 'a', history: RUMOR_THEN_CONTRADICTED },
    { id: 'a', history: RUMOR_THEN_CONTRADICTED },
    { id: 'b', history: RUMOR_THEN_CONTRADICTED },
    {
      id: 'c',
      history: [
        { tier: 'speculative' as const, since: '2026-01', note: 'x x x' },
        { tier: 'confirmed' as const, since: '2026-04-24', note: 'y y y' },
      ],
    },
    { id: 'd', history: [{ tier: 'confirmed' as const, since: '2024-12-26', note: 'z z z' }] },
  ];

  it('counts each changed claim once and names the release', () => {
    expect(pageTimeline('2026-02-10', '2026-04-24', claims)).toBe(
      'Published 10 February 2026, before V4’s release (24 April 2026). Since then 2 of the claims it states have been contradicted and 1 confirmed.',
    );
  });

  it('after the release, nothing changed since', () => {
    expect(pageTimeline('2026-05-03', '2026-04-24', claims)).toBe(
      'Published 3 May 2026, after V4’s release. None of the claims it states has changed since.',
    );
  });

  it('unknown date', () => {
    expect(pageTimeline(null, '2026-04-24', claims)).toMatch(
      /could not find when this article was published/,
    );
  });

  it('the release date comes from the bundled pack', () => {
    expect(releaseDateOf(loadBundledPack().claims)).toBe('2026-04-24');
  });
});

describe('claimTimeline with a coarse first date', () => {
  it('a rumor known only by its year was around when an article of that year repeated it', () => {
    const line = claimTimeline('2026-02-10', [
      { tier: 'rumor', since: '2026', note: 'Leaks said so.' },
      { tier: 'contradicted', since: '2026-04-24', note: 'The model card gave 1.6T.' },
    ]);
    expect(line.kind).toBe('changed');
    expect(line.text).toBe(
      'When this article was published (10 February 2026) this was a rumor; it was contradicted on 24 April 2026.',
    );
  });
  it('a change known only by its month reads “in April 2026”', () => {
    const line = claimTimeline('2026-02-10', [
      { tier: 'rumor', since: '2026-01', note: 'x x x' },
      { tier: 'reported', since: '2026-04', note: 'Reuters reported it.' },
    ]);
    expect(line.text).toContain('it was reported in April 2026.');
  });
});

it('a later step in the same tier is new evidence, not a change since publication', () => {
  const line = claimTimeline('2026-02-10', [
    { tier: 'reported', since: '2026-01', note: 'Reuters reported it.' },
    { tier: 'reported', since: '2026-04-24', note: 'Official results agree.' },
  ]);
  expect(line.kind).toBe('unchanged');
  expect(line.text).toBe('When this article was published (10 February 2026) this was already reported.');
});

describe('changedSincePublication', () => {
  it('agrees with the card’s time line for every bundled claim and article date', () => {
    const dates = [
      null,
      '2025',
      '2026-01',
      '2026-02-10',
      '2026-04',
      '2026-04-24',
      '2026-07-31',
      '2026-12-01',
    ];
    for (const claim of loadBundledPack().claims) {
      for (const date of dates) {
        expect(changedSincePublication(date, claim.history), `${claim.id} ${date}`).toBe(
          claimTimeline(date, claim.history).kind === 'changed',
        );
      }
    }
  });
});
