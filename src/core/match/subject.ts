import type { Subject } from '../pack/schema';

/**
 * Which model a sentence is about. A claim about V4 must come from a sentence about V4: "Kimi K2 has
 * 1 trillion parameters" is not the V4 rumor, and "V3 supported a 128K context" is a V3 claim.
 */

// Most specific first; each pattern runs on normalized text (lowercase, dashes as "-"). Global flags:
// they are used with matchAll/replace, and built once rather than per sentence.
const MODEL_PATTERNS: [Subject, RegExp][] = [
  ['deepseek-v4.1-flash', /(?<![\p{L}\p{N}])v4\.1(?:[- ]?flash)?(?![\p{L}\p{N}])/gu],
  ['deepseek-v4-pro', /(?<![\p{L}\p{N}])v4[- ]?pro(?![\p{L}])/gu],
  ['deepseek-v4-flash', /(?<![\p{L}\p{N}])v4[- ]?flash(?![\p{L}])/gu],
  ['deepseek-v4', /(?<![\p{L}\p{N}])v4(?![\p{N}]|\.\d)/gu],
  // Bare "Pro" and "Flash" name the V4 models only where the wording says they are models.
  [
    'deepseek-v4-pro',
    /(?<![\p{L}\p{N}])(?:pro(?= and flash| or flash| model| version| variant| tier)|(?<=flash and |flash or |flash vs\.? )pro)(?![\p{L}])/gu,
  ],
  [
    'deepseek-v4-flash',
    /(?<![\p{L}\p{N}])(?:flash(?= and pro| or pro| model| version| variant| tier)|(?<=pro and |pro or |pro vs\.? )flash)(?![\p{L}])/gu,
  ],
  ['deepseek-v3.2-exp', /(?<![\p{L}\p{N}])v3\.2[- ]?exp(?![\p{L}])/gu],
  ['deepseek-v3.2', /(?<![\p{L}\p{N}])v3\.2(?![\p{N}]|[- ]?exp)/gu],
  ['deepseek-v3.1', /(?<![\p{L}\p{N}])v3\.1(?![\p{N}])/gu],
  ['deepseek-v3', /(?<![\p{L}\p{N}])v3(?![\p{N}]|\.\d)/gu],
  ['deepseek-r1', /(?<![\p{L}\p{N}])r1(?![\p{N}])/gu],
];

const OTHER_MODELS =
  /(?<![\p{L}])(kimi|moonshot|gpt|chatgpt|claude|opus|sonnet|gemini|llama|qwen|mistral|grok|mixtral|phi-\d|ernie|doubao|glm)(?![\p{L}])/gu;

// Where the words a figure belongs to begin: "V4-Pro 80.6, Opus 4.6 80.8" gives 80.8 to Opus.
const FIGURE_OWNER_START = /[,;|():]|\s(?:vs\.?|versus|while|whereas|against)\s/g;

// Words after which a model is what the subject is measured against ("V4 beats Claude at 80.9%").
const MEASURED_AGAINST =
  /(?:beat(?:s|ing)?|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?|tops?|trail(?:s|ing)?|match(?:es|ing)?|rival(?:s|ing)?|than|vs\.?|versus|against|over|like)\s+(?:the\s+|openai'?s?\s+|anthropic'?s?\s+|google'?s?\s+)?$/;

/**
 * Whether a figure belongs to another lab's model: in the figure's list item or clause, the last model
 * named before it is another lab's ("SWE-bench: V4-Pro 80.6, Opus 4.6 80.8"; "Claude's 80.9%"), unless that
 * model is only what a DeepSeek model named before it is measured against ("V4 beats Claude at 80.9%").
 */
export function figureOfOtherModel(normalized: string, figureStart: number): boolean {
  let from = 0;
  for (const m of normalized.slice(0, figureStart).matchAll(FIGURE_OWNER_START)) from = m.index + m[0].length;
  const owner = normalized.slice(from, figureStart);
  let other: RegExpExecArray | undefined;
  for (const m of owner.matchAll(OTHER_MODELS)) other = m;
  if (!other) return false;
  let ours = -1;
  for (const [, pattern] of MODEL_PATTERNS)
    for (const m of owner.matchAll(pattern)) ours = Math.max(ours, m.index);
  if (ours > other.index) return false;
  const possessive = /^[\w.-]*(?:\s[\d.]+)?'s?\s/.test(owner.slice(other.index + other[0].length));
  if (!possessive && ours >= 0 && MEASURED_AGAINST.test(owner.slice(0, other.index))) return false;
  return true;
}

const DEEPSEEK_NAME = /deep ?seek|深度求索/u;

// DeepSeek models the pack has no claims about: a sentence about one of them is not about V4.
const OTHER_DEEPSEEK_MODELS =
  /^(?:v1|v2(?:\.5)?|v2\.5|coder(?:[- ]v2)?|vl2?|janus|prover|math(?:[- ]v2)?|ocr|llm)(?![\p{L}\p{N}]|\.\d)/u;

export interface SentenceSubjects {
  /** DeepSeek models the sentence is about, in order of appearance. */
  models: Subject[];
  /** DeepSeek models named only as a point of comparison ("below V3 levels", "like R1"). */
  compared: Subject[];
  /** Another lab's model is named other than as a comparison. */
  mentionsOtherModel: boolean;
  /** "DeepSeek" (the company or a model) is named before any other lab's model. */
  mentionsDeepSeek: boolean;
  /** Another DeepSeek model (V2, Coder, Janus…) is named right after "DeepSeek". */
  otherDeepSeekModel: boolean;
}

// A model named right after one of these is what the sentence compares against, not what it is about:
// "at or below V3 levels", "near-parity with V3.1-Terminus", "closed systems like GPT and Claude" (the
// list continues the comparison only through "and"/"or": in "compared to V3, V4 has…" V4 is the subject).
const COMPARISON_BEFORE =
  /(?:than|vs\.?|versus|against|over|below|above|like|with|from|beyond|to|compared to|compared with|relative to|similar to|such as|outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|rival(?:s|ed|ing)?|trail(?:s|ed|ing)?|edg(?:es|ed|ing) out)(?:(?:\s+[\w.'-]+,?){1,4}\s+(?:and|or))?\s+(?:deepseek[- ]?|the\s+|its\s+|openai'?s?\s+|anthropic'?s?\s+|google'?s?\s+)?(?:(?:latest|newest|best|top|flagship|frontier|leading)\s+)?$/u;

function isComparison(normalized: string, at: number): boolean {
  return COMPARISON_BEFORE.test(normalized.slice(Math.max(0, at - 40), at));
}

export function detectSubjects(normalized: string): SentenceSubjects {
  const found: { subject: Subject; at: number; compared: boolean }[] = [];
  let rest = normalized;
  for (const [subject, global] of MODEL_PATTERNS) {
    let first: { at: number; compared: boolean } | undefined;
    for (const m of rest.matchAll(global)) {
      const compared = isComparison(normalized, m.index);
      // A model counts as a subject if any of its mentions is not a comparison.
      if (!first || (first.compared && !compared)) first = { at: m.index, compared };
    }
    if (first) {
      found.push({ subject, ...first });
      // Blank out what matched so "v4-pro" is not also counted as a bare "v4".
      rest = rest.replace(global, (m) => ' '.repeat(m.length));
    }
  }
  found.sort((a, b) => a.at - b.at);
  let other = -1;
  for (const m of normalized.matchAll(OTHER_MODELS)) {
    if (!isComparison(normalized, m.index)) {
      other = m.index;
      break;
    }
  }
  const deepseek = normalized.search(DEEPSEEK_NAME);
  const otherDeepSeekModel = [...normalized.matchAll(/deep ?seek[- ]?/gu)].some((m) =>
    OTHER_DEEPSEEK_MODELS.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 10)),
  );
  return {
    otherDeepSeekModel,
    models: found.filter((f) => !f.compared).map((f) => f.subject),
    compared: found.filter((f) => f.compared).map((f) => f.subject),
    mentionsOtherModel: other >= 0,
    // "DeepSeek" counts as the topic only when named before any other lab's model
    // ("puts DeepSeek in competition with ChatGPT" vs "Kimi K2, unlike DeepSeek, ...").
    mentionsDeepSeek: deepseek >= 0 && (other < 0 || deepseek < other),
  };
}

/**
 * The subjects a sentence can state claims about: the DeepSeek models it is about; else, unless it is about
 * another lab's model, the model its surroundings are about (the last one named before it). Models named
 * only for comparison stay eligible too: "V4 doubles V3's 128K" still states V3's 128K.
 */
export function resolveSubjects(own: SentenceSubjects, context: Subject | null): Subject[] {
  if (own.models.length > 0) return [...own.models, ...own.compared];
  if (own.mentionsOtherModel && !own.mentionsDeepSeek) return [];
  if (own.otherDeepSeekModel) return [...own.compared];
  const base: Subject[] = context
    ? [context]
    : own.mentionsDeepSeek || own.compared.length > 0
      ? ['deepseek']
      : [];
  return [...base, ...own.compared];
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
