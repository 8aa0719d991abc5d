import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { htmlBlocks } from '../../src/content/scan-document';
import { compileMatcher, type Matcher, type SentenceMatch } from '../../src/core/match/matcher';
import type { ClaimPack, Tier } from '../../src/core/pack/schema';
import { DEFAULT_MIN_STRENGTH } from '../../src/core/settings/strength';

/**
 * Scores the real extraction + matcher against the development corpus (tests/fixtures/corpus): real
 * articles nobody tuned for, with sentence-level gold. Used by `npm run eval` and by the floor test.
 */

export interface GoldSentence {
  text: string;
  claims: string[];
  tier: Tier;
  required: boolean;
  missing?: string;
}

export interface Gold {
  slug: string;
  url: string;
  title: string;
  published: string | null;
  phase: 'pre-release' | 'launch' | 'post-release' | 'negative';
  sentences: GoldSentence[];
  plain?: string[];
}

export interface ArticleScore {
  slug: string;
  phase: Gold['phase'];
  required: number;
  requiredFound: number;
  highlighted: number;
  highlightedCorrect: number;
  /** Highlighted gold sentences whose first (shown) claim is one of the gold claims. */
  idJudged: number;
  idCorrect: number;
  tierCorrect: number;
  misses: string[];
  falsePositives: string[];
  wrongClaim: string[];
  wrongTier: string[];
}

export const squash = (s: string): string =>
  s
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A highlighted sentence and a gold sentence are the same when one contains the other. */
function overlaps(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** The development corpus: looked at while building the matcher. */
export function corpusDir(root: string): string {
  return resolve(root, 'tests/fixtures/corpus');
}

/**
 * The held-out corpus: collected by someone else and never read by whoever changes the matcher; only its
 * totals are printed, so it keeps measuring articles nobody tuned for.
 */
export function holdoutDir(root: string): string {
  return resolve(root, 'tests/fixtures/corpus-holdout');
}

export function loadCorpus(dir: string): { gold: Gold; html: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold,
      html: readFileSync(join(dir, f.replace(/\.json$/, '.html')), 'utf8'),
    }));
}

/** What a reader sees with default settings. */
export function shownMatches(matcher: Matcher, html: string, url: string): SentenceMatch[] {
  const input = htmlBlocks(html, url);
  return matcher
    .matchDocument(input.blocks, { title: input.title })
    .matches.map((m) => ({ ...m, hits: m.hits.filter((h) => h.strength >= DEFAULT_MIN_STRENGTH) }))
    .filter((m) => m.hits.length > 0);
}

/**
 * The gold sentence a highlight stands for: the same sentence, else the table row it is a cell of, else
 * any gold sentence it overlaps. A cell ("$1.74") also appears in prose sentences; it is judged by its row.
 */
function goldFor(gold: Gold, text: string): GoldSentence | undefined {
  const own = squash(text);
  return (
    gold.sentences.find((s) => squash(s.text) === own) ??
    gold.sentences.find(
      (s) => s.text.includes(' | ') && s.text.split(' | ').some((cell) => squash(cell) === own),
    ) ??
    gold.sentences.find((s) => overlaps(text, s.text))
  );
}

export function scoreArticle(gold: Gold, matches: SentenceMatch[], pack: ClaimPack): ArticleScore {
  const tiers = new Map(pack.claims.map((c) => [c.id, c.tier]));
  const score: ArticleScore = {
    slug: gold.slug,
    phase: gold.phase,
    required: 0,
    requiredFound: 0,
    highlighted: matches.length,
    highlightedCorrect: 0,
    idJudged: 0,
    idCorrect: 0,
    tierCorrect: 0,
    misses: [],
    falsePositives: [],
    wrongClaim: [],
    wrongTier: [],
  };
  for (const g of gold.sentences) {
    const found = matches.filter((m) => overlaps(m.text, g.text));
    if (g.required) {
      score.required++;
      if (found.length > 0) score.requiredFound++;
      else score.misses.push(`${g.text.slice(0, 110)} → ${g.claims.join(', ') || `(new: ${g.missing})`}`);
    }
  }
  for (const m of matches) {
    const g = goldFor(gold, m.text);
    const first = m.hits[0]!;
    const shownTier = tiers.get(first.claimId);
    if (!g) {
      score.falsePositives.push(`${m.text.slice(0, 110)} ← ${first.claimId}`);
      continue;
    }
    score.highlightedCorrect++;
    score.idJudged++;
    const ids = m.hits.map((h) => h.claimId);
    if (g.claims.length === 0 || g.claims.includes(first.claimId)) score.idCorrect++;
    else
      score.wrongClaim.push(`${m.text.slice(0, 90)} → shown ${ids.join(', ')}; gold ${g.claims.join(', ')}`);
    // A table row is one gold sentence but several highlights, one per cell: a cell showing one of the
    // row's claims shows that claim's tier, which is right for the cell even where the row's most serious
    // claim is in another cell.
    const cellOfRow = g.text.includes(' | ') && squash(m.text).length < squash(g.text).length;
    if (shownTier === g.tier || (cellOfRow && g.claims.includes(first.claimId))) score.tierCorrect++;
    else
      score.wrongTier.push(`${m.text.slice(0, 90)} → shown ${shownTier} (${first.claimId}); gold ${g.tier}`);
  }
  return score;
}

export interface CorpusTotals {
  articles: number;
  negatives: number;
  recall: number;
  precision: number;
  claimIdAccuracy: number;
  tierAccuracy: number;
  negativeHighlights: number;
  scores: ArticleScore[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function evaluateCorpus(pack: ClaimPack, dir: string, matcher = compileMatcher(pack)): CorpusTotals {
  const scores = loadCorpus(dir).map(({ gold, html }) =>
    scoreArticle(gold, shownMatches(matcher, html, gold.url), pack),
  );
  const positive = scores.filter((s) => s.phase !== 'negative');
  const negative = scores.filter((s) => s.phase === 'negative');
  const sum = (list: ArticleScore[], key: keyof ArticleScore) =>
    list.reduce((n, s) => n + (s[key] as number), 0);
  return {
    articles: positive.length,
    negatives: negative.length,
    recall: ratio(sum(positive, 'requiredFound'), sum(positive, 'required')),
    precision: ratio(sum(positive, 'highlightedCorrect'), sum(positive, 'highlighted')),
    claimIdAccuracy: ratio(sum(positive, 'idCorrect'), sum(positive, 'idJudged')),
    tierAccuracy: ratio(sum(positive, 'tierCorrect'), sum(positive, 'idJudged')),
    negativeHighlights: sum(negative, 'highlighted'),
    scores,
  };
}
