import type { ClaimPack } from './schema';

/**
 * Rules for the text readers see (statement, settles, rationale, history notes, origin, source title and
 * publisher). Reviewer-only fields (`citedIn`, `seeds`, `match`) are exempt: they exist to trace data.
 */

/** Research-note references, section numbers, seed or fixture names: words written for us, not readers. */
const INTERNAL_REFERENCE =
  /§|v4-facts|\bresearch notes?\b|\bour notes\b|\bthe notes\b|\bseeds?\s*(?:article\s*)?\d|\bseed-\d|\bseed articles?\b|\bfixtures?\b|shared\/(?:research|seeds)/i;

/** Returns the internal reference a text makes, or undefined when it is written for readers. */
export function internalReference(text: string): string | undefined {
  return INTERNAL_REFERENCE.exec(text)?.[0];
}

const SPEAKERS =
  '(?:leaks?|leakers?|blogs?|bloggers?|reports?|rumou?rs?|media|press|outlets?|analysts?|commentators?|observers|insiders|the community|community speculation|speculation|articles?|posts?|videos?|threads?|sources|some|many|pundits|trackers?|guides?)';
const SPEECH_VERBS =
  '(?:say|says|said|claim|claims|claimed|report|reports|reported|suggest|suggests|suggested|put|puts|expect|expects|expected|believe|believes|predict|predicts|predicted|describe|describes|described|call|calls|called|point to|pointed to|allege|alleges|alleged)';
const REPORTED_SPEECH = [
  new RegExp(
    `^\\s*(?:\\w+\\s+){0,2}${SPEAKERS}(?:\\s+and\\s+${SPEAKERS})?\\s+(?:\\w+\\s+)?${SPEECH_VERBS}\\b`,
    'i',
  ),
  /\b(?:according to|is said to|are said to|it is (?:claimed|reported|rumou?red)|reportedly|allegedly|rumou?red to)\b/i,
  // "DeepSeek says V4-Pro has 1.6T": the claim is what DeepSeek says; a paper's own finding is stated as the paper's.
  /^\s*DeepSeek(?:'s|’s)?\s+(?:says|said|reports|reported|claims|claimed|states|stated)\b/i,
];

/**
 * Returns the phrase that makes a statement reported speech ("Leaks say …", "according to …"), or undefined.
 * A statement is the claim itself; the tier already says who stands behind it.
 */
export function reportedSpeech(statement: string): string | undefined {
  for (const pattern of REPORTED_SPEECH) {
    const found = pattern.exec(statement);
    if (found) return found[0].trim();
  }
  return undefined;
}

export interface ReaderTextProblem {
  entry: string;
  field: string;
  message: string;
}

/** Every reader-facing field of the pack that makes an internal reference, and every reported-speech statement. */
export function readerTextProblems(pack: Pick<ClaimPack, 'claims' | 'sources'>): ReaderTextProblem[] {
  const problems: ReaderTextProblem[] = [];
  const check = (entry: string, field: string, text: string | undefined) => {
    const found = text && internalReference(text);
    if (found) problems.push({ entry, field, message: `reader text mentions "${found}"` });
  };
  for (const source of pack.sources) {
    check(source.id, 'title', source.title);
    check(source.id, 'publisher', source.publisher);
  }
  for (const claim of pack.claims) {
    check(claim.id, 'statement', claim.statement);
    check(claim.id, 'settles', claim.settles);
    check(claim.id, 'rationale', claim.rationale);
    check(claim.id, 'origin.claimant', claim.origin.claimant);
    claim.history.forEach((step, i) => {
      check(claim.id, `history.${i}.note`, step.note);
    });
    const speech = reportedSpeech(claim.statement);
    if (speech) {
      problems.push({
        entry: claim.id,
        field: 'statement',
        message: `reported speech ("${speech}"): state the claim itself; the tier says who stands behind it`,
      });
    }
  }
  return problems;
}
