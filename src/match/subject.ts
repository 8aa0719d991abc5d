import type { Subject } from '../claims/schema';

/**
 * Which model a sentence is about. A claim about V4 must come from a sentence about V4: "Kimi K2 has
 * 1 trillion parameters" is not the V4 rumor, and "V3 supported a 128K context" is a V3 claim.
 */

// Most specific first; each pattern runs on normalized text (lowercase, dashes as "-").
const MODEL_PATTERNS: [Subject, RegExp][] = [
  ['deepseek-v4.1-flash', /(?<![\p{L}\p{N}])v4\.1(?:[- ]?flash)?(?![\p{L}\p{N}])/u],
  ['deepseek-v4-pro', /(?<![\p{L}\p{N}])v4[- ]?pro(?![\p{L}])/u],
  ['deepseek-v4-flash', /(?<![\p{L}\p{N}])v4[- ]?flash(?![\p{L}])/u],
  ['deepseek-v4', /(?<![\p{L}\p{N}])v4(?![\p{N}]|\.\d)/u],
  ['deepseek-v3.2-exp', /(?<![\p{L}\p{N}])v3\.2[- ]?exp(?![\p{L}])/u],
  ['deepseek-v3.2', /(?<![\p{L}\p{N}])v3\.2(?![\p{N}]|[- ]?exp)/u],
  ['deepseek-v3.1', /(?<![\p{L}\p{N}])v3\.1(?![\p{N}])/u],
  ['deepseek-v3', /(?<![\p{L}\p{N}])v3(?![\p{N}]|\.\d)/u],
  ['deepseek-r1', /(?<![\p{L}\p{N}])r1(?![\p{N}])/u],
];

const OTHER_MODELS =
  /(?<![\p{L}])(kimi|moonshot|gpt|chatgpt|claude|gemini|llama|qwen|mistral|grok|mixtral|phi-\d|ernie|doubao|glm)(?![\p{L}])/u;

const DEEPSEEK_NAME = /deep ?seek|深度求索/u;

export interface SentenceSubjects {
  /** DeepSeek models named in the sentence itself. */
  models: Subject[];
  /** Another lab's model is named. */
  mentionsOtherModel: boolean;
  /** "DeepSeek" (the company or a model) is named. */
  mentionsDeepSeek: boolean;
}

export function detectSubjects(normalized: string): SentenceSubjects {
  const found: { subject: Subject; at: number }[] = [];
  let rest = normalized;
  for (const [subject, pattern] of MODEL_PATTERNS) {
    const global = new RegExp(pattern.source, 'gu');
    const first = rest.search(global);
    if (first >= 0) {
      found.push({ subject, at: first });
      // Blank out what matched so "v4-pro" is not also counted as a bare "v4".
      rest = rest.replace(global, (m) => ' '.repeat(m.length));
    }
  }
  const other = normalized.search(OTHER_MODELS);
  const deepseek = normalized.search(DEEPSEEK_NAME);
  return {
    // In order of appearance: the first model named is what the sentence is mostly about.
    models: found.sort((a, b) => a.at - b.at).map((f) => f.subject),
    mentionsOtherModel: other >= 0,
    // "DeepSeek" counts as the topic only when named before any other lab's model
    // ("puts DeepSeek in competition with ChatGPT" vs "Kimi K2, unlike DeepSeek, ...").
    mentionsDeepSeek: deepseek >= 0 && (other < 0 || deepseek < other),
  };
}

/**
 * The subjects a sentence can state claims about: the DeepSeek models it names; else, unless it is about
 * another lab's model, the model its surroundings are about (the last one named before it).
 */
export function resolveSubjects(own: SentenceSubjects, context: Subject | null): Subject[] {
  if (own.models.length > 0) return own.models;
  if (own.mentionsOtherModel && !own.mentionsDeepSeek) return [];
  return context ? [context] : own.mentionsDeepSeek ? ['deepseek'] : [];
}

const V4_FAMILY: Subject[] = ['deepseek-v4', 'deepseek-v4-pro', 'deepseek-v4-flash'];

/** Whether a claim about `claimSubject` can be stated by a sentence about `sentenceSubject`. */
export function subjectCompatible(claimSubject: Subject, sentenceSubject: Subject): boolean {
  if (claimSubject === sentenceSubject) return true;
  // Company-level claims (papers, repositories, strategy) can be stated in any DeepSeek context.
  if (claimSubject === 'deepseek') return true;
  // "V4 has 1M context" is stated by sentences about V4-Pro or V4-Flash, and vice versa: articles use
  // "V4" loosely for either model.
  if (V4_FAMILY.includes(claimSubject) && V4_FAMILY.includes(sentenceSubject)) {
    return claimSubject === 'deepseek-v4' || sentenceSubject === 'deepseek-v4';
  }
  return false;
}
