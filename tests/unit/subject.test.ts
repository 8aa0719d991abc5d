import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/match/normalize';
import { detectSubjects, resolveSubjects, subjectCompatible } from '../../src/core/match/subject';

const subjectsOf = (text: string, context: Parameters<typeof resolveSubjects>[1] = null) =>
  resolveSubjects(detectSubjects(normalize(text).text), context);

describe('subject of a sentence', () => {
  it('names the DeepSeek models a sentence mentions, in order', () => {
    expect(subjectsOf('DeepSeek V4 could reach around one trillion parameters.')).toEqual(['deepseek-v4']);
    expect(subjectsOf('V3 activated 37B of its 671B total parameters.')).toEqual(['deepseek-v3']);
    expect(subjectsOf('DeepSeek-V4-Pro has 1.6T parameters, V4-Flash 284B.')).toEqual([
      'deepseek-v4-pro',
      'deepseek-v4-flash',
    ]);
    expect(subjectsOf('V3.2-Exp builds on V3.1-Terminus.')).toEqual(['deepseek-v3.2-exp', 'deepseek-v3.1']);
  });

  it('inherits the surrounding model when the sentence names none', () => {
    expect(subjectsOf('The model may support up to around one million tokens.', 'deepseek-v4')).toEqual([
      'deepseek-v4',
    ]);
  });

  it('reads a lab’s model that a sentence measures against as a comparison, not its subject', () => {
    expect(
      subjectsOf('It delivers top-tier coding, outperforming Claude and ChatGPT.', 'deepseek-v4'),
    ).toEqual(['deepseek-v4']);
    expect(
      subjectsOf('Still trails systems like Gemini 3.1 Pro and OpenAI’s latest GPT models.', 'deepseek-v4'),
    ).toEqual(['deepseek-v4']);
  });

  it('refuses sentences about another lab’s model', () => {
    expect(subjectsOf('Kimi K2 has 1 trillion parameters.', 'deepseek-v4')).toEqual([]);
    expect(subjectsOf('Many GPT-4 class models support 128,000 tokens.', 'deepseek-v4')).toEqual([]);
    expect(subjectsOf('Kimi K2, unlike DeepSeek, has 1 trillion parameters.', 'deepseek-v4')).toEqual([]);
    expect(subjectsOf('This puts DeepSeek in competition with ChatGPT and Claude.', 'deepseek-v4')).toEqual([
      'deepseek-v4',
    ]);
  });

  it('keeps V3 facts and V4 claims apart', () => {
    expect(subjectCompatible('deepseek-v4', 'deepseek-v3')).toBe(false);
    expect(subjectCompatible('deepseek-v3', 'deepseek-v4')).toBe(false);
    expect(subjectCompatible('deepseek-v4', 'deepseek-v4-pro')).toBe(true);
    expect(subjectCompatible('deepseek-v4-pro', 'deepseek-v4-flash')).toBe(false);
    expect(subjectCompatible('deepseek', 'deepseek-v3')).toBe(true);
  });
});

describe('comparisons', () => {
  it('does not take a model named for comparison as the subject', () => {
    expect(subjectsOf('Per-token cost is projected to remain at or below V3 levels.', 'deepseek-v4')).toEqual(
      ['deepseek-v4', 'deepseek-v3'],
    );
    expect(
      subjectsOf(
        'A trillion-parameter model would pressure closed systems like GPT and Claude.',
        'deepseek-v4',
      ),
    ).toEqual(['deepseek-v4']);
    expect(subjectsOf('Compared to V3, V4 has more experts.')).toEqual(['deepseek-v4', 'deepseek-v3']);
  });
});
