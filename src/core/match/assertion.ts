import type { Token } from './normalize';

/**
 * Whether a sentence asserts anything a reader could check. A heading that names a topic ("Inside Engram"),
 * a label ("CONFIRMED"), a question, a conditional or a sentence about the article itself states nothing,
 * however many claim words it contains; only sentences that assert something are matched at all.
 */

export interface AssertionInput {
  /** Normalized sentence text (lowercase, unified dashes and quotes). */
  normalized: string;
  /** The block the sentence comes from: heading, paragraph, list-item, table-cell… */
  kind?: string;
  /** Whether the sentence contains a figure (a count, percentage, price, multiplier). */
  hasFigure: boolean;
  /** Number of words in the sentence. */
  words: number;
  /** A table cell read with its row header, which says what the value is ("License" | "MIT"). */
  headed: boolean;
}

const CONDITIONAL_START =
  /^(?:[\w ]{1,24}:\s*)?(?:if|whether|until|unless|should|suppose|assuming|imagine)\s/;
const QUESTION_START =
  /^(?:[\w ]{1,24}:\s*)?(?:what|why|how|when|where|which|who|will|would|could|can|is|are|does|do|did|should)\b[^.!]*\?\s*["')]*$/;
// Sentences about the article or the reader rather than the model.
const META =
  /^(?:in this (?:article|post|guide|piece|review|video|blog)|this (?:article|post|guide|piece|page) (?:will|explores|covers|looks|examines|breaks|is (?:written|for|aimed|meant)|was written)|we(?:'ll| will) (?:explore|look|cover|break|walk|examine|dive)|let'?s (?:look|dive|explore|take|break)|read on|keep reading|here'?s (?:what|everything|how)|below,? (?:we|you)|(?:subscribe|sign up|click|share this))/;

const VERB =
  /(?<![\p{L}])(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did|didn't|runs?|uses?|costs?|supports?|ships?|shipped|launch(?:es|ed)?|releas(?:es|ed))(?![\p{L}])/u;

/** A minimum of words for a sentence with no figure to assert anything (a label or a name does not). */
const MIN_WORDS_WITHOUT_FIGURE = 5;
/** The most words a title or label usually has ("Comparison: Traditional Dense Attention vs. DSA"). */
const MAX_LABEL_WORDS = 8;

// A tag that turns a statement into a rhetorical question only at its end: "…, but honestly?", "…, right?".
const QUESTION_TAG = /,\s*(?:[\w']+\s+){0,2}[\w']+\?\s*["')]*$/;
// A condition that is only the report's own truth: "If true, …", "If the leaks are accurate, …".
const HEDGE_START =
  /^(?:if|assuming)\s+(?:(?:true|accurate|correct|confirmed|so|real|genuine)|(?:the|these|this|that)\s+(?:reports?|leaks?|rumou?rs?|claims?|figures?|numbers?)\s+(?:is|are|prove|hold|turn out)\s+(?:to be\s+)?(?:true|accurate|correct|right|up))\s*,/;

export function assertsSomething({ normalized, kind, hasFigure, words, headed }: AssertionInput): boolean {
  const text = normalized.trim();
  if ((text.endsWith('?') && !QUESTION_TAG.test(text)) || QUESTION_START.test(text)) return false;
  if (CONDITIONAL_START.test(text) && !HEDGE_START.test(text)) return false;
  if (META.test(text)) return false;
  // A heading asserts only when it carries a figure ("V4 Leak: 1 Trillion Parameters"); otherwise it
  // names what the section is about.
  if (kind === 'heading' && !hasFigure) return false;
  // A label, a name or a table cell of a few words with no figure ("Engram Memory", "CONFIRMED").
  // A list item of a few words names a feature of the model the list is about ("Engram conditional memory").
  const listed = kind === 'list-item' && words >= 2;
  // A short sentence with a verb still asserts ("Both are open source."); a label has none.
  const short = words < MIN_WORDS_WITHOUT_FIGURE && !VERB.test(text);
  if (!hasFigure && !headed && !listed && short) return false;
  // A short "Comparison: Dense Attention vs. DSA Sparse Attention" names two things side by side; it
  // asserts nothing.
  const versus = /(?<![\p{L}])(?:vs\.?|versus)(?![\p{L}])/u.test(text);
  if (!hasFigure && versus && words <= MAX_LABEL_WORDS && !VERB.test(text)) return false;
  return true;
}

// Denials, reports of failure and doubt: "the February window passed without a launch", "DeepSeek
// denied…", "has not yet issued an official release blog", "…remains extrapolation".
const DENIAL =
  /\b(?:passed without|came and went|did not (?:happen|materiali[sz]e|arrive|launch|ship|appear|come)|didn't (?:happen|materiali[sz]e|arrive|launch|ship|appear|come)|never (?:came|arrived|happened|materiali[sz]ed|shipped|launched)|no sign of|failed to (?:appear|arrive|launch|materiali[sz]e)|turned out (?:to be )?(?:false|wrong|untrue)|(?:was|were|is|are|proved|proven) (?:false|wrong|untrue|incorrect|inaccurate|debunked)|debunk|denied|refuted|contrary to (?:the |earlier )?(?:rumou?rs?|reports?|leaks?|claims?)|despite (?:the |earlier )?(?:rumou?rs?|reports?|leaks?|claims?|speculation)|(?:has|have|had)(?: not|n't)(?: yet)? (?:issued|released|launched|shipped|published|put out)|(?:remains?|is still|are still) (?:an? )?(?:extrapolation|speculation|speculative|unconfirmed|unverified|conjecture|rumou?r))/;

// An expectation told as overtaken: "Originally anticipated for mid-February, the timeline underwent several
// adjustments", "initially expected in March but pushed back". What comes after the change can still state
// a claim ("…delayed, and it finally shipped in March").
const OVERTAKEN_EXPECTATION =
  /\b(?:originally|initially|first|had been) (?:anticipated|expected|planned|slated|scheduled|rumou?red|tipped|targeted|billed)\b.*?\b(?:adjustment|adjusted|delay|slipp?|pushed (?:back|out)|postpon|revised)/;

/** Whether the sentence says a claim failed or is false rather than stating it. */
export function deniesClaim(normalized: string): boolean {
  return DENIAL.test(normalized);
}

/**
 * The part of a sentence that tells an expectation it then says was overtaken (up to the change), or
 * undefined: a contradicted claim found in that part is what the sentence says did not happen.
 */
export function overtakenExpectation(normalized: string): string | undefined {
  const found = OVERTAKEN_EXPECTATION.exec(normalized);
  return found ? normalized.slice(0, found.index + found[0].length) : undefined;
}

// Statements about a kind of thing rather than a model: "Standard transformer attention falls apart…",
// "Mixture-of-experts models split work…", "Open-weight means that…". They inherit no subject.
const GENERIC_SUBJECT =
  /^(?:standard|traditional|conventional|typical|most|many|all|other|regular|classic|dense|today's|modern)\s/;
const GENERIC_PLURAL_SUBJECT =
  /^(?!(?:both|the|these|those|its|their|two|our|deepseek'?s?)\s)(?:[\w-]+\s){0,2}(?:models|llms|transformers|systems|architectures)\s(?!will|would|could|may)/;
const DEFINITION =
  /^(?!(?:this|that|it|which)\s)[\w' -]{2,40}\s(?:means that|refers to|is defined as|corresponds? to|is a (?:technique|method|way|term))\b/;

// A paper or study describing a technique: "It describes Engram, a memory add-on that…", "The paper
// proposes…". Background about the technique, not a claim about the model. ("It" with a verb a model
// could take, "It introduces", may still be the model.)
const DOCUMENT_SUBJECT =
  /^(?:(?:it|the (?:paper|study|preprint|research|report|work|publication))\s(?:describes|proposes|outlines|explains|details|argues)|the (?:paper|study|preprint|research|publication)\s(?:presents|introduces|shows|finds|reports|demonstrates))\b/;

/** Whether a sentence that names no model speaks of models in general, or of a paper's technique. */
export function isGenericStatement(normalized: string): boolean {
  const text = normalized.trim();
  return (
    GENERIC_SUBJECT.test(text) ||
    GENERIC_PLURAL_SUBJECT.test(text) ||
    DEFINITION.test(text) ||
    DOCUMENT_SUBJECT.test(text)
  );
}

const CLASS_NOUN = new Set([
  'models',
  'competitors',
  'rivals',
  'alternatives',
  'peers',
  'systems',
  'labs',
  'llms',
]);
const CLASS_QUANTIFIER = new Set([
  'all',
  'other',
  'among',
  'than',
  'best',
  'top',
  'leading',
  'most',
  'rival',
  'competing',
  'every',
  'any',
]);

/**
 * Whether a matched term only names a class the sentence compares against: "outperforms all open-source
 * models" says nothing about the model's own licence.
 */
export function isClassMention(words: string[], at: number, length: number): boolean {
  const next = words[at + length];
  if (next === undefined || !CLASS_NOUN.has(next)) return false;
  for (let k = Math.max(0, at - 3); k < at; k++) if (CLASS_QUANTIFIER.has(words[k]!)) return true;
  return false;
}

/**
 * Whether a figure describes a class of models rather than one: "the glitches that plague trillion-parameter
 * systems", "1M-token models are rare" ("a 1T-parameter model" is one model, which the sentence may be about).
 */
export function figureNamesClass(tokens: Token[], figure: { end: number }): boolean {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < figure.end) i++;
  // The figure's unit word, then the class noun: "trillion-parameter systems", "1m-token models".
  const unit = tokens[i];
  const noun = tokens[i + 1];
  return (
    unit !== undefined && noun !== undefined && unit.start - figure.end <= 1 && CLASS_NOUN.has(noun.word)
  );
}

/** Words that point back to the model the surrounding text is about. */
export const ANAPHOR =
  /(?<![\p{L}])(?:it|its|it's|they|their|the model|the new model|the upcoming model|the next model|this model|the release|the flagship|both models|both|the preview|the system|the architecture|next-generation|next-gen|new model|the launch|the core model|core model|(?:two|the two|its|its latest|its new) (?:new |preview |open(?:-weight)? |flagship )?models?)(?![\p{L}])/u;

/** Words with which articles report, leak or predict something about the model they are about. */
export const CLAIM_MARKER =
  /(?<![\p{L}])(?:rumou?red|reportedly|reports? (?:say|suggest|point|claim|mention|indicate)|leak(?:s|ed)?|expected|anticipated|is said to|are said to|according to|sources|feature|will (?:have|support|use|feature|offer|include|ship|bring)|would|could|may|might|promises?)(?![\p{L}])/u;
