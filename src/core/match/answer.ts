import type { Claim, ClaimPack, Source } from '../pack/schema';
import type { ClaimHit, DocumentMatches } from './matcher';

/**
 * What a page receives for its article text: where the matched sentences are, and of the claim pack only
 * what the page shows (the matched claims without their matching rules, the sources they cite, the pack's
 * version and date). The page never holds the whole pack or the matcher, so an article page compiles and
 * parses neither; the background answers, and a page whose background cannot matches with the fallback
 * module, which answers in the same shape. The answer is copied between processes, so it carries nothing
 * the page already has (the sentences' own text) or never shows (phrasings, research quotes, relations).
 */
export interface MatchAnswer {
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  matches: PageMatch[];
  claims: PageClaim[];
  sources: Source[];
}

/** A claim as the card, the popup's correction drafts and the labeler see it. */
export type PageClaim = Omit<Claim, 'match' | 'seeds' | 'related'>;

/** What the page shows of a hit: the strength and how it was reached (core/match/describe-match.ts). */
export type PageHit = Pick<
  ClaimHit,
  'claimId' | 'strength' | 'numbersMatched' | 'approximate' | 'wordOverlap'
>;

/** A matched sentence: offsets into the piece of text the page sent (the page slices the words itself). */
export interface PageMatch {
  blockIndex: number;
  start: number;
  end: number;
  hits: PageHit[];
}

/** The claims and sources a page looks labels up in: the last answer it received. */
export interface ClaimLookup {
  pack: Pick<ClaimPack, 'version' | 'asOf'>;
  claims: Map<string, PageClaim>;
  sources: Map<string, Source>;
}

export function pageClaimOf({ match, seeds, related, ...shown }: Claim): PageClaim {
  return shown;
}

/** The answer for a document the matcher has matched: matched claims and the sources they cite. */
export function answerOf(pack: ClaimPack, matched: DocumentMatches): MatchAnswer {
  const ids = new Set<string>();
  const matches = matched.matches.map(({ blockIndex, start, end, hits }) => ({
    blockIndex,
    start,
    end,
    hits: hits.map(({ claimId, strength, numbersMatched, approximate, wordOverlap }) => {
      ids.add(claimId);
      return { claimId, strength, numbersMatched, approximate, wordOverlap };
    }),
  }));
  const claims = pack.claims.filter((c) => ids.has(c.id));
  const cited = new Set(
    claims.flatMap((c) => [c.origin.sourceId ?? '', ...c.evidence.settles, ...c.evidence.carries]),
  );
  return {
    pack: { version: pack.version, asOf: pack.asOf },
    matches,
    claims: claims.map(pageClaimOf),
    sources: pack.sources.filter((s) => cited.has(s.id)),
  };
}

export function lookupOf(answer: Pick<MatchAnswer, 'pack' | 'claims' | 'sources'>): ClaimLookup {
  return {
    pack: answer.pack,
    claims: new Map(answer.claims.map((c) => [c.id, c])),
    sources: new Map(answer.sources.map((s) => [s.id, s])),
  };
}
