import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/match/matcher';
import { DEFAULT_MIN_STRENGTH } from '../../src/core/settings/strength';
import { realPack } from '../support/pages';

/**
 * The pack's wider wordings on sentences written for this test (not from any corpus): each wording finds
 * its claim, and the same words in another sense find nothing. A reviewer's counter-examples to the
 * first version of these wordings ("near a funding round", "customer support on day one") are kept here.
 */
const matcher = compileMatcher(realPack());

/** The claims a reader sees for a sentence of a V4 article. */
function shown(sentence: string): string[] {
  return matcher
    .matchDocument([{ text: sentence }], { title: 'DeepSeek V4 review' })
    .matches.flatMap((m) => m.hits.filter((h) => h.strength >= DEFAULT_MIN_STRENGTH).map((h) => h.claimId));
}

describe('claim wordings', () => {
  it.each([
    ['V4 outperforms Claude Sonnet on several long-context tests.', 'v4-competitive-with-frontier'],
    ['vLLM shipped inference support for DeepSeek V4 on day one.', 'v4-day-one-deployment-support'],
    [
      'Some blogs claimed V4 was trained on Huawei Ascend 950PR chips rather than Nvidia.',
      'v4-trained-entirely-ascend-950pr',
    ],
    ['DeepSeek V4 targets software engineering workloads above all.', 'v4-coding-focus'],
    ["V4's release timeline slipped past the rumored mid-February window.", 'v4-rumored-windows-passed'],
  ])('finds the claim in "%s"', (sentence, claimId) => {
    expect(shown(sentence)).toContain(claimId);
  });

  it.each([
    [
      'Anthropic is near a $30 billion funding round, according to people familiar with the matter.',
      'v4-competitive-with-frontier',
    ],
    ["Its per-token price is better than OpenAI's by an order of magnitude.", 'v4-competitive-with-frontier'],
    ['Customer support was overwhelmed on day one as sign-ups surged.', 'v4-day-one-deployment-support'],
    [
      'The promotion targets enterprise customers, and the discount code sent to API users expires in May.',
      'v4-coding-focus',
    ],
    [
      'The peak-hour schedule was adjusted in August, when off-peak pricing began.',
      'v4-rumored-windows-passed',
    ],
    [
      "Huawei said part of V4-Flash's training ran on Ascend chips rather than Nvidia GPUs.",
      'v4-trained-entirely-ascend-950pr',
    ],
    [
      'The 32T-token pre-training corpus is overwhelmingly web text, with code making up a smaller share.',
      'v4-primarily-coding-model',
    ],
    ['V4 drops the lightning indexer that scored tokens in the earlier experimental model.', 'v4-uses-dsa'],
  ])('does not read "%s" as %s', (sentence, claimId) => {
    expect(shown(sentence)).not.toContain(claimId);
  });

  it('reads an expectation told as overtaken as overtaken, and what follows the change as stated', () => {
    const ids = shown(
      'Originally slated for a February debut, V4 was delayed, and it finally shipped in March 2026.',
    );
    expect(ids).not.toContain('v4-release-february');
    expect(ids).toContain('v4-shipped-march-2026');
  });
});
