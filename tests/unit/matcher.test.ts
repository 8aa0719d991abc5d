import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ANAPHOR, assertsSomething, isGenericStatement } from '../../src/core/match/assertion';
import { buildMatchIndex, withoutIndexedRules } from '../../src/core/match/compile';
import { insideCompoundName } from '../../src/core/match/lexicon';
import { compileMatcher } from '../../src/core/match/matcher';
import { segmentSentences } from '../../src/core/match/segment';
import { type Claim, ClaimSchema } from '../../src/core/pack/schema';

type ClaimInput = z.input<typeof ClaimSchema>;

function claim(partial: Partial<ClaimInput> & Pick<ClaimInput, 'id' | 'subject' | 'match'>): Claim {
  return ClaimSchema.parse({
    topic: 'test',
    statement: `Statement of ${partial.id}`,
    settles: `What settles ${partial.id}.`,
    tier: 'rumor',
    rationale: 'Test rationale.',
    history: [{ tier: 'rumor', since: '2026-01', note: 'test' }],
    origin: { claimant: 'unknown', date: 'unknown' },
    ...partial,
  });
}

const claims = [
  claim({
    id: 'v4-one-trillion',
    subject: 'deepseek-v4',
    match: {
      attribute: 'total-parameters',
      all: [['parameter']],
      numbers: [{ value: 1e12, kind: 'count' }],
      paraphrases: ['DeepSeek V4 has around one trillion parameters'],
    },
  }),
  claim({
    id: 'v4-pro-1-6t',
    subject: 'deepseek-v4-pro',
    match: {
      attribute: 'total-parameters',
      all: [['parameter']],
      numbers: [{ value: 1.6e12, kind: 'count' }],
      paraphrases: ['DeepSeek-V4-Pro has 1.6T total parameters'],
    },
  }),
  claim({
    id: 'v4-engram',
    subject: 'deepseek-v4',
    match: { all: [['engram'], ['benchmark']], paraphrases: ['V4 leads Engram benchmarks'] },
  }),
  claim({
    id: 'v4-dual-4090',
    subject: 'deepseek-v4',
    match: { all: [['rtx 4090', '4090']], paraphrases: ['V4 runs on dual RTX 4090 cards'] },
  }),
  claim({
    id: 'v4-release-february',
    subject: 'deepseek-v4',
    tier: 'contradicted',
    match: { all: [['february'], ['release']], paraphrases: ['DeepSeek V4 will be released in February'] },
  }),
  claim({
    id: 'v4-other-size',
    subject: 'deepseek-v4',
    tier: 'contradicted',
    match: {
      attribute: 'total-parameters',
      otherValue: true,
      paraphrases: ['DeepSeek V4 has 1.2 trillion parameters'],
    },
  }),
  claim({
    id: 'v4-multimodal',
    subject: 'deepseek-v4',
    tier: 'contradicted',
    match: {
      all: [['multimodal']],
      paraphrases: ['DeepSeek V4 is a natively multimodal model that reads images'],
    },
  }),
  claim({
    id: 'v3-671b',
    subject: 'deepseek-v3',
    match: {
      attribute: 'total-parameters',
      all: [['parameter']],
      numbers: [{ value: 671e9, kind: 'count' }],
      paraphrases: ['V3 has 671B total parameters'],
    },
  }),
];
const matcher = compileMatcher({ claims });

const idsFor = (...texts: string[]) =>
  matcher.matchDocument(texts.map((text) => ({ text }))).matches.map((m) => m.hits.map((h) => h.claimId));

describe('compileMatcher', () => {
  it('matches the bundled form of a pack (rules only in its index) as the whole pack, and refuses it alone', () => {
    const bundled = withoutIndexedRules({ claims });
    const fromIndex = compileMatcher(bundled, buildMatchIndex(claims));
    const text = [{ text: 'DeepSeek V4 has one trillion parameters and runs on dual RTX 4090 cards.' }];
    expect(fromIndex.matchDocument(text).matches).toEqual(matcher.matchDocument(text).matches);
    expect(() => compileMatcher(bundled)).toThrow(/without their matching rules/);
  });

  it('matches numbers written differently, and only the right number', () => {
    expect(idsFor('DeepSeek V4 could reach around one trillion parameters.')).toEqual([['v4-one-trillion']]);
    expect(idsFor('DeepSeek V4 is a 1T-parameter model.')).toEqual([['v4-one-trillion']]);
    expect(idsFor('DeepSeek V4 has 1,000B parameters.')).toEqual([['v4-one-trillion']]);
    expect(idsFor('DeepSeek-V4-Pro has 1.6T parameters.')).toEqual([['v4-pro-1-6t']]);
  });

  it('keeps other models and V3 facts out of V4 claims', () => {
    const onV4Page = (text: string) => idsFor('Notes on DeepSeek V4.', text);
    expect(onV4Page('Kimi K2 has 1 trillion parameters.')).toEqual([]);
    expect(onV4Page('V3 activated 37B of its 671B total parameters.')).toEqual([['v3-671b']]);
    expect(onV4Page('A GPT model with one trillion parameters.')).toEqual([]);
  });

  it('labels nothing on a page that never names V4, not even true V3 facts', () => {
    expect(
      idsFor('DeepSeek V3 launched in December.', 'V3 activated 37B of its 671B total parameters.'),
    ).toEqual([]);
    const withTitle = matcher.matchDocument([{ text: 'V3 has 671B total parameters.' }], {
      title: 'DeepSeek V4 vs V3',
    });
    expect(withTitle.matches).toHaveLength(1);
  });

  it('inherits the subject from earlier sentences', () => {
    expect(idsFor('DeepSeek V4 is coming.', 'The model could reach one trillion parameters.')).toEqual([
      ['v4-one-trillion'],
    ]);
    expect(
      idsFor(
        'DeepSeek V3 is out, V4 is not.',
        'DeepSeek V3 is big.',
        'The model could reach one trillion parameters.',
      ),
    ).toEqual([]);
  });

  it('labels every claim a sentence states', () => {
    const [ids] = idsFor(
      'DeepSeek V4 has one trillion parameters, tops the Engram benchmark and runs on dual RTX 4090 cards.',
    );
    expect(ids?.sort()).toEqual(['v4-dual-4090', 'v4-engram', 'v4-one-trillion']);
  });

  it('rescues one misspelt key term with fuse.js, at a lower strength', () => {
    const exact = matcher.matchDocument([{ text: 'DeepSeek V4 tops the Engram benchmark.' }]).matches[0]!
      .hits[0]!;
    const typo = matcher.matchDocument([{ text: 'DeepSeek V4 tops the Engram bencmark.' }]).matches[0]
      ?.hits[0];
    const unrelated = matcher.matchDocument([
      { text: 'DeepSeek V4 tops the Engram benchwarmer list.' },
    ]).matches;
    expect(typo?.claimId).toBe('v4-engram');
    expect(typo?.approximate).toBe(true);
    expect(typo!.strength).toBeLessThan(exact.strength);
    expect(unrelated).toEqual([]);
  });

  it('reports sentence offsets inside the block and V4 sentences that matched nothing', () => {
    const text = 'Intro line. DeepSeek V4 has one trillion parameters. DeepSeek V4 is also fast.';
    const { matches, unmatchedV4Sentences } = matcher.matchDocument([{ text }]);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('DeepSeek V4 has one trillion parameters.');
    expect(unmatchedV4Sentences.map((s) => s.text)).toEqual(['DeepSeek V4 is also fast.']);
  });

  it('uses a table cell’s row and column headers', () => {
    const { matches } = matcher.matchDocument([
      { text: 'DeepSeek V3 vs V4' },
      { text: '671B', kind: 'table-cell', rowHeader: 'Total Parameters', columnHeader: 'DeepSeek V3' },
      {
        text: 'Increased',
        kind: 'table-cell',
        rowHeader: 'Total Parameters',
        columnHeader: 'DeepSeek V4 (Projected)',
      },
    ]);
    expect(matches.map((m) => [m.text, m.hits[0]!.claimId])).toEqual([['671B', 'v3-671b']]);
  });

  it('checks a figure nobody catalogued against the official one', () => {
    expect(idsFor('DeepSeek V4 has 1.2 trillion parameters.')).toEqual([['v4-other-size']]);
    expect(idsFor('DeepSeek-V4-Flash is a 1.6T-parameter model.')).toEqual([['v4-other-size']]);
    // A value a claim knows is that claim's, and another model's figure is not a V4 figure.
    expect(idsFor('DeepSeek-V4-Pro has 1.6T parameters.')).toEqual([['v4-pro-1-6t']]);
    expect(idsFor('Notes on DeepSeek V4.', 'Kimi K2 has 1.2 trillion parameters.')).toEqual([]);
  });

  it('finds paraphrases through the shared lexicon', () => {
    expect(idsFor('DeepSeek is set to unveil V4 in February.')).toEqual([['v4-release-february']]);
    expect(idsFor('DeepSeek V4 will debut in February.')).toEqual([['v4-release-february']]);
  });

  it('labels nothing in sentences that assert nothing', () => {
    const onV4Page = (...texts: string[]) => idsFor('Notes on DeepSeek V4.', ...texts);
    expect(
      matcher.matchDocument([{ text: 'DeepSeek V4 Engram benchmark', kind: 'heading' }]).matches,
    ).toEqual([]);
    expect(onV4Page('Will DeepSeek V4 top the Engram benchmark?')).toEqual([]);
    expect(onV4Page('If DeepSeek V4 has one trillion parameters, it will be big.')).toEqual([]);
    expect(onV4Page('In this article, we explore whether V4 tops the Engram benchmark.')).toEqual([]);
    // A heading that names the model and gives a figure does state it.
    expect(
      matcher
        .matchDocument([{ text: 'DeepSeek V4 Leak: 1 Trillion Parameters', kind: 'heading' }])
        .matches.map((m) => m.hits[0]!.claimId),
    ).toEqual(['v4-one-trillion']);
  });

  it('does not paint a sentence that reports a claim failed as the claim itself', () => {
    expect(idsFor('DeepSeek V4: the February release window passed without a launch.')).toEqual([]);
    expect(idsFor('DeepSeek V4 did not launch in February, contrary to the rumors.')).toEqual([]);
    // Not done yet, or only guessed: not the claim.
    expect(idsFor('DeepSeek has not yet released V4, which insiders expect in February.')).toEqual([]);
    expect(idsFor('A February release of DeepSeek V4 remains speculation.')).toEqual([]);
    // An expectation told as overtaken is not the expectation; the same expectation stated is.
    expect(idsFor('DeepSeek V4 was originally expected to launch in February, then pushed back.')).toEqual(
      [],
    );
    expect(idsFor('DeepSeek V4 is expected to launch in February.')).toEqual([['v4-release-february']]);
  });

  it('lists the most specific claim first: a figure beats a topic', () => {
    const [ids] = idsFor('DeepSeek V4 tops the Engram benchmark with one trillion parameters.');
    expect(ids?.[0]).toBe('v4-one-trillion');
  });

  it('puts the most serious claim the sentence firmly states first; a weak secondary match never decides', () => {
    const [firm] = matcher.matchDocument([
      { text: 'DeepSeek V4 has one trillion parameters and a February release.' },
    ]).matches;
    expect(firm?.hits.map((h) => h.claimId)).toEqual(['v4-release-february', 'v4-one-trillion']);
    const [weak] = matcher.matchDocument([
      { text: 'DeepSeek V4 has one trillion parameters, says a multimodal newsletter.' },
    ]).matches;
    expect(weak?.hits.map((h) => [h.claimId, h.strength < 0.5])).toEqual([
      ['v4-one-trillion', false],
      ['v4-multimodal', true],
    ]);
  });

  it("reads a magnitude for a named model as that model's own figure, and a class figure as no figure", () => {
    expect(idsFor('DeepSeek-V4-Pro: top performance with trillion-level parameters.')).toEqual([
      ['v4-pro-1-6t'],
    ]);
    expect(idsFor('DeepSeek V4 is a trillion-parameter model.')).toEqual([['v4-one-trillion']]);
    expect(
      idsFor('DeepSeek V4 is coming.', 'It avoids the glitches that plague trillion-parameter systems.'),
    ).toEqual([]);
  });

  it("does not give a figure of another lab's model to DeepSeek's", () => {
    const swe = claim({
      id: 'v4-swe-81',
      subject: 'deepseek-v4',
      match: {
        all: [['swe bench']],
        numbers: [{ value: 81, kind: 'percent', tolerance: 0.004 }],
        paraphrases: ['V4 scores 81% on SWE-bench'],
      },
    });
    const m = compileMatcher({ claims: [swe] });
    const ids = (text: string) =>
      m.matchDocument([{ text }]).matches.map((x) => x.hits.map((h) => h.claimId));
    expect(ids('SWE-bench Verified: DeepSeek V4-Pro 80.6, Opus 4.6 81.0.')).toEqual([]);
    expect(ids('DeepSeek V4 beats Claude at 81% on SWE-bench.')).toEqual([['v4-swe-81']]);
  });

  it("does not find a term inside a fixed name that means something else, nor a paper's technique as the model", () => {
    const words = 'a context window of 1m tokens and a february release window'.split(' ');
    expect(insideCompoundName(words, words.indexOf('window'), 1)).toBe(true);
    expect(insideCompoundName(words, words.lastIndexOf('window'), 1)).toBe(false);
    const moe = 'a mixture of experts system'.split(' ');
    expect(insideCompoundName(moe, moe.indexOf('experts'), 1)).toBe(true);
    expect(isGenericStatement('it describes engram, a memory add-on that looks up facts.')).toBe(true);
    expect(isGenericStatement('the paper proposes a conditional memory.')).toBe(true);
    expect(isGenericStatement('it introduces a hybrid attention design.')).toBe(false);
  });

  it('reads a field–value table without a header row as fields and values ("License" | "MIT")', () => {
    const released = claim({
      id: 'v4-april-24',
      subject: 'deepseek-v4',
      match: { all: [['april 24'], ['release']], paraphrases: ['V4 was released on April 24, 2026'] },
    });
    const mit = claim({
      id: 'v4-mit',
      subject: 'deepseek-v4',
      match: { all: [['license mit']], paraphrases: ['V4 is released under the MIT license'] },
    });
    const cell = (text: string, extra: object = {}) => ({ kind: 'table-cell', text, ...extra });
    const found = compileMatcher({ claims: [released, mit] })
      .matchDocument([
        { text: 'DeepSeek V4 at a glance', kind: 'heading' },
        cell('Released', { tableHeader: true }),
        cell('2026-04-24'),
        cell('License', { tableHeader: true, columnHeader: 'Released' }),
        cell('MIT', { rowHeader: 'License', columnHeader: '2026-04-24' }),
      ])
      .matches.map((m) => [m.text, m.hits[0]?.claimId]);
    expect(found).toEqual([
      ['2026-04-24', 'v4-april-24'],
      ['MIT', 'v4-mit'],
    ]);
  });

  it('reads a status table: the claim cell states the row, the status cell is only a label', () => {
    const cell = (text: string, extra: object = {}) => ({ kind: 'table-cell', text, ...extra });
    const found = matcher
      .matchDocument([
        { text: 'What we know about DeepSeek V4', kind: 'heading' },
        cell('Claim', { tableHeader: true }),
        cell('Status', { tableHeader: true }),
        cell('Engram benchmark lead', { columnHeader: 'Claim' }),
        cell('CONFIRMED', { rowHeader: 'Engram benchmark lead', columnHeader: 'Status' }),
      ])
      .matches.map((m) => [m.text, m.hits[0]?.claimId]);
    expect(found).toEqual([['Engram benchmark lead', 'v4-engram']]);
  });

  it('reads a statement with a rhetorical tag, or hedged only on the report being true, as a statement', () => {
    const asserts = (normalized: string) =>
      assertsSomething({ normalized, kind: 'paragraph', hasFigure: false, words: 12, headed: false });
    expect(asserts('the reported specs are eye-popping (1t parameters, 81% swe-bench), but honestly?')).toBe(
      true,
    );
    expect(asserts('if true, it is the engram memory underneath v4 that deserves attention.')).toBe(true);
    expect(asserts('if the leaks are accurate, v4 has a trillion parameters.')).toBe(true);
    expect(asserts('if v4 has a trillion parameters, it will be big.')).toBe(false);
    expect(asserts('will v4 really have a trillion parameters?')).toBe(false);
  });

  it('finds a short term in its plural ("consumer GPU" in "consumer GPUs")', () => {
    const gpu = claim({
      id: 'v4-consumer-gpu',
      subject: 'deepseek-v4',
      match: { all: [['gpu']], paraphrases: ['V4 runs on a consumer GPU'] },
    });
    const m = compileMatcher({ claims: [gpu] });
    expect(m.matchDocument([{ text: 'DeepSeek V4 runs on two consumer GPUs.' }]).matches).toHaveLength(1);
  });

  it('does not end a sentence at "vs." or "e.g.", and reads a short "A vs. B" label as asserting nothing', () => {
    const text = 'Comparison: Traditional Dense Attention vs. DSA Sparse Attention';
    expect(segmentSentences(text)).toEqual([{ start: 0, end: text.length }]);
    expect(
      assertsSomething({
        normalized: text.toLowerCase(),
        kind: 'list-item',
        hasFigure: false,
        words: 7,
        headed: false,
      }),
    ).toBe(false);
  });

  it('reads "two preview models", "its new models" as pointing back to the model the article is about', () => {
    expect(ANAPHOR.test('deepseek shipped two preview models across web, app and api.')).toBe(true);
    expect(ANAPHOR.test('deepseek released its new models today.')).toBe(true);
    expect(ANAPHOR.test('mixture-of-experts models split work across experts.')).toBe(false);
  });

  it('matches the same with the index built ahead of time, and ignores an index built for other claims', () => {
    const text = [{ text: 'DeepSeek V4 has one trillion parameters and runs on dual RTX 4090 cards.' }];
    const shipped = JSON.parse(JSON.stringify(buildMatchIndex(claims)));
    expect(compileMatcher({ claims }, shipped).matchDocument(text)).toEqual(matcher.matchDocument(text));
    const stale = JSON.parse(JSON.stringify(buildMatchIndex(claims.slice(1))));
    expect(compileMatcher({ claims }, stale).matchDocument(text)).toEqual(matcher.matchDocument(text));
  });
});
