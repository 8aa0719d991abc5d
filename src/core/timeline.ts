import { formatDate, joinList, plural } from './text';
import { TIER_STYLES } from './tier-styles';
import type { Tier } from './tiers';

/**
 * The article's date against a claim's history: what the claim was when the article was published, and
 * what has changed since. A pre-release article that repeated a rumor was fair when written; saying when
 * the claim changed is what keeps the label fair to it. Dates may be partial (2026, 2026-04): when the
 * article's date and a change cannot be ordered, we say so instead of guessing.
 */

export interface HistoryStep {
  tier: Tier;
  since: string;
  note: string;
}

/** How a date stands to another when either may be partial. */
export type DateOrder = 'before' | 'after' | 'overlap';

/**
 * `a` relative to `b`. "2026-02" is before "2026-04-24"; "2026-04" and "2026-04-24" overlap (April might
 * be either side of the 24th); the same day overlaps too (published the day it changed).
 */
export function compareDates(a: string, b: string): DateOrder {
  const length = Math.min(a.length, b.length);
  const [x, y] = [a.slice(0, length), b.slice(0, length)];
  if (x < y) return 'before';
  if (x > y) return 'after';
  return 'overlap';
}

export interface ClaimTimeline {
  /**
   * `unknown-date`: the page gives no date. `unchanged`: the tier now is the tier then. `changed`: it
   * changed after publication. `uncertain`: a change falls on a date we cannot order against the article's.
   */
  kind: 'unknown-date' | 'unchanged' | 'changed' | 'uncertain';
  /** The tier when the article was published; null when the claim had no tier yet (not yet assessed). */
  atPublication: Tier | null;
  now: Tier;
  /** Steps after publication, oldest first. */
  changes: HistoryStep[];
  /** One or two sentences for the card. */
  text: string;
}

const SAID_TIERS = new Set<Tier>(['rumor', 'speculative', 'reported']);

/** "on 24 April 2026", "in April 2026", "in 2026": as precise as the date is. */
function onDate(partial: string): string {
  return `${partial.length === 10 ? 'on' : 'in'} ${formatDate(partial)}`;
}

const word = (tier: Tier) => TIER_STYLES[tier].label.toLowerCase();

/** "a rumor", "speculation", "confirmed": how a tier reads after "this was". */
function asState(tier: Tier): string {
  if (tier === 'rumor') return 'a rumor';
  if (tier === 'speculative') return 'speculation';
  return word(tier);
}

/**
 * "it was contradicted on 24 April 2026." What settled it is the card's line just above (the claim's
 * `settles`), and the step's note is in the folded history: the time line says only when.
 */
function changeClause(step: HistoryStep): string {
  const becoming =
    step.tier === 'rumor' || step.tier === 'speculative'
      ? `became ${asState(step.tier)}`
      : `was ${word(step.tier)}`;
  return `it ${becoming} ${onDate(step.since)}.`;
}

/** The tier changes of a claim's history placed before, around or after the article's date; no text. */
function sincePublication(articleDate: string, history: HistoryStep[]) {
  // Only changes of tier count: a later step in the same tier is new evidence, not a change.
  const runs = history.filter((step, i) => i === 0 || step.tier !== history[i - 1]!.tier);
  const orders = runs.map((step, i) => {
    const order = compareDates(step.since, articleDate);
    // The article states the claim, so a claim that begins as something said (a rumor, a projection, a
    // report) was already around when it was published, even if we only know the year it began.
    return order === 'overlap' && i === 0 && SAID_TIERS.has(step.tier) ? 'before' : order;
  });
  const before = runs.filter((_, i) => orders[i] === 'before');
  return {
    runs,
    uncertainIndex: orders.indexOf('overlap'),
    tierThen: before.length > 0 ? before[before.length - 1]!.tier : null,
    changes: runs.filter((_, i) => orders[i] === 'after'),
  };
}

export function claimTimeline(articleDate: string | null, history: HistoryStep[]): ClaimTimeline {
  const now = history[history.length - 1]!.tier;
  if (!articleDate) {
    return {
      kind: 'unknown-date',
      atPublication: null,
      now,
      changes: [],
      text: `We could not find when this article was published. ${TIER_STYLES[now].label} since ${formatDate(history[history.length - 1]!.since)}.`,
    };
  }
  const published = formatDate(articleDate);
  const { runs, uncertainIndex, tierThen: then, changes } = sincePublication(articleDate, history);

  if (uncertainIndex !== -1) {
    const step = runs[uncertainIndex]!;
    const thenText = then ? ` Before that it was ${asState(then)}.` : '';
    return {
      kind: 'uncertain',
      atPublication: then,
      now,
      changes: runs.slice(uncertainIndex),
      text: `This article is from ${published}; the claim ${step.tier === 'rumor' || step.tier === 'speculative' ? `became ${asState(step.tier)}` : `was ${word(step.tier)}`} ${onDate(step.since)}, so it may have been written before or after that.${thenText}`,
    };
  }
  if (changes.length === 0) {
    return {
      kind: 'unchanged',
      atPublication: then,
      now,
      changes,
      text: `When this article was published (${published}) this was already ${asState(now)}.`,
    };
  }
  const thenText = then ? `this was ${asState(then)}` : 'this had not been assessed yet';
  // The latest change is the one that gives today's tier; earlier ones are in the folded history.
  const last = changes[changes.length - 1]!;
  return {
    kind: 'changed',
    atPublication: then,
    now,
    changes,
    text: `When this article was published (${published}) ${thenText}; ${changeClause(last)}`,
  };
}

/** Whether the claim's tier changed after the article was published: what a reader most needs to see. */
export function changedSincePublication(articleDate: string | null, history: HistoryStep[]): boolean {
  // Without claimTimeline's text: the labeler asks this of every highlight, and formatting a date loads
  // the locale's date data (tens of ms on the first call), which only a card needs.
  if (!articleDate) return false;
  const { uncertainIndex, changes } = sincePublication(articleDate, history);
  return uncertainIndex === -1 && changes.length > 0;
}

/**
 * The claim that dates V4's release; its confirmation is the release date the page line compares with.
 * Read from the pack, so a corrected date in the data corrects the line.
 */
export const RELEASE_CLAIM_ID = 'v4-released-2026-04-24';

export function releaseDateOf(claims: { id: string; tier: Tier; history: HistoryStep[] }[]): string | null {
  const claim = claims.find((c) => c.id === RELEASE_CLAIM_ID);
  if (claim?.tier !== 'confirmed') return null;
  return claim.history.find((s) => s.tier === 'confirmed')?.since ?? null;
}

/**
 * The page's line: "Published 10 February 2026, before V4's release (24 April 2026). Since then 9 of
 * the claims it states have been contradicted and 4 confirmed." Each claim counts once, however many
 * sentences state it.
 */
/** Most telling first: a claim since contradicted matters more to a reader than one since reported. */
const CHANGE_ORDER: Tier[] = ['contradicted', 'confirmed', 'rumor', 'speculative', 'reported'];
const CHANGED_TO: Record<Tier, string> = {
  contradicted: 'contradicted',
  confirmed: 'confirmed',
  reported: 'reported by credible outlets',
  speculative: 'downgraded to speculation',
  rumor: 'downgraded to rumor',
};

export function pageTimeline(
  articleDate: string | null,
  releaseDate: string | null,
  claims: { id: string; history: HistoryStep[] }[],
): string {
  if (!articleDate) {
    return 'We could not find when this article was published, so we cannot say what has changed since.';
  }
  const published = formatDate(articleDate);
  let when = `Published ${published}`;
  if (releaseDate) {
    const order = compareDates(articleDate, releaseDate);
    if (order === 'before') when += `, before V4’s release (${formatDate(releaseDate)})`;
    else if (order === 'after') when += ', after V4’s release';
    else when += `, around V4’s release (${formatDate(releaseDate)})`;
  }
  const unique = [...new Map(claims.map((c) => [c.id, c])).values()];
  const changed = new Map<Tier, number>();
  for (const claim of unique) {
    const line = claimTimeline(articleDate, claim.history);
    if (line.kind === 'changed') changed.set(line.now, (changed.get(line.now) ?? 0) + 1);
  }
  const total = [...changed.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return `${when}. None of the claims it states has changed since.`;
  const parts = CHANGE_ORDER.filter((tier) => changed.has(tier)).map((tier, i) => {
    const count = changed.get(tier)!;
    const subject =
      i === 0
        ? plural(count, {
            one: 'of the claims it states has been',
            other: 'of the claims it states have been',
          })
        : String(count);
    return `${subject} ${CHANGED_TO[tier]}`;
  });
  return `${when}. Since then ${joinList(parts)}.`;
}
