import type { Claim, ClaimPack, Source } from '../pack/schema';
import type { DocumentMatches, SentenceMatch } from './matcher';

/**
 * What a page receives for its article text: the matches, and of the claim pack only what the page shows
 * (the matched claims, the sources, the pack's version and date). The page never holds the whole pack or
 * the matcher, so an article page compiles and parses neither; the background answers, and a page whose
 * background cannot matches with the fallback module, which answers in the same shape.
 */
export interface MatchAnswer {
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  matches: SentenceMatch[];
  claims: Claim[];
  sources: Source[];
}

/** The claims and sources a page looks labels up in: the answers it has received, merged. */
export interface ClaimLookup {
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
}

/** The answer for a document the matcher has matched: matched claims only, every source. */
export function answerOf(pack: ClaimPack, matched: DocumentMatches): MatchAnswer {
  const ids = new Set(matched.matches.flatMap((m) => m.hits.map((h) => h.claimId)));
  return {
    pack: { version: pack.version, asOf: pack.asOf },
    matches: matched.matches,
    claims: pack.claims.filter((c) => ids.has(c.id)),
    sources: pack.sources,
  };
}

export function lookupOf(answer: Pick<MatchAnswer, 'pack' | 'claims' | 'sources'>): ClaimLookup {
  return {
    pack: answer.pack,
    claims: new Map(answer.claims.map((c) => [c.id, c])),
    sources: new Map(answer.sources.map((s) => [s.id, s])),
  };
}
