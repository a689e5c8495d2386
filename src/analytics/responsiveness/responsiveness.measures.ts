import { quantileSorted } from 'd3-array';

/** Pure measures of the responsiveness figures (docs/analytics/responsiveness.md). */

export const HOUR = 3600;
/** A question counts as unanswered when no response came within this many hours. */
export const UNANSWERED_HOURS = 48;
/** An asker is a newcomer when they asked within this many days of joining the community. */
export const NEWCOMER_DAYS = 90;
/** Groups with fewer askers than this are folded into "Other" (and their times withheld) for non-stewards. */
export const MIN_GROUP_ASKERS = 3;

/** Whole seconds from `from` to `to` (ISO times), never negative (an import may date a reply before its question). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

/**
 * The q-quantile (0–1) of `values` with linear interpolation between closest ranks (R-7, the
 * spreadsheet PERCENTILE.INC rule): the median of [1, 2, 3, 10] is 2.5, its 0.9 quantile 7.9.
 * Null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, q) ?? null;
}

/** Hours, rounded to one decimal, of a number of seconds (null stays null). */
export const hours = (seconds: number | null): number | null => (seconds === null ? null : Math.round((seconds / HOUR) * 10) / 10);

/** One question as the measures read it. */
export interface QuestionFact {
  askerId: number;
  askedAt: string;
  /** askedAt in epoch milliseconds (parsed once when read). */
  askedMs: number;
  askerJoinedAt: string | null;
  responseSeconds: number | null;
  acceptedSeconds: number | null;
}

/** The figures of a set of questions (a week, a month, a group, the whole window). */
export interface ResponseFigures {
  questions: number;
  /** Median / 90th percentile hours to the first response, over the questions that got one. */
  medianFirstResponseHours: number | null;
  p90FirstResponseHours: number | null;
  /** Median / 90th percentile hours to the accepted answer, over the questions with one. */
  medianAcceptedHours: number | null;
  p90AcceptedHours: number | null;
  /** Questions at least 48 h old at `now`. */
  questionsOver48h: number;
  /** Of those, the ones with no response within 48 h. */
  unanswered48h: number;
  /** unanswered48h / questionsOver48h, or null when no question is 48 h old yet. */
  unanswered48hShare: number | null;
}

/**
 * Figures of `facts` at `now`. A question is unanswered after 48 h when it is at least 48 h old and
 * its first response (if any) came later than 48 h after it was asked.
 */
export function responseFigures(facts: readonly QuestionFact[], now: Date): ResponseFigures {
  const limit = UNANSWERED_HOURS * HOUR;
  const first = facts.flatMap((f) => (f.responseSeconds === null ? [] : [f.responseSeconds]));
  const accepted = facts.flatMap((f) => (f.acceptedSeconds === null ? [] : [f.acceptedSeconds]));
  const cutoff = now.getTime() - limit * 1000;
  const old = facts.filter((f) => f.askedMs <= cutoff);
  const unanswered = old.filter((f) => f.responseSeconds === null || f.responseSeconds > limit).length;
  return {
    questions: facts.length,
    medianFirstResponseHours: hours(quantile(first, 0.5)),
    p90FirstResponseHours: hours(quantile(first, 0.9)),
    medianAcceptedHours: hours(quantile(accepted, 0.5)),
    p90AcceptedHours: hours(quantile(accepted, 0.9)),
    questionsOver48h: old.length,
    unanswered48h: unanswered,
    unanswered48hShare: old.length === 0 ? null : Math.round((unanswered / old.length) * 1000) / 1000,
  };
}

/** True when the asker asked within NEWCOMER_DAYS of joining (or joined after asking); false for non-members. */
export function askedAsNewcomer(f: Pick<QuestionFact, 'askedAt' | 'askerJoinedAt'> & { askedMs?: number }): boolean {
  if (f.askerJoinedAt === null) return false;
  return (f.askedMs ?? Date.parse(f.askedAt)) - Date.parse(f.askerJoinedAt) < NEWCOMER_DAYS * 86_400_000;
}

/** Splits facts by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** One asker group's figures. `withheld`: fewer than MIN_GROUP_ASKERS askers, so times are not shown to non-stewards. */
export interface GroupFigures extends ResponseFigures {
  group: string;
  askers: number;
  withheld: boolean;
}

/**
 * Figures per group. With `fold`, groups of fewer than MIN_GROUP_ASKERS distinct askers are merged
 * into `Other` (when `foldable`), and any group still that small has its times and shares withheld,
 * so no one person's response times can be read off. Groups are sorted by questions, largest first;
 * `Other` and `Not given` come last.
 */
export function groupFigures(groups: ReadonlyMap<string, readonly QuestionFact[]>, now: Date, opts: { fold: boolean; foldable: boolean }): GroupFigures[] {
  const askers = (fs: readonly QuestionFact[]) => new Set(fs.map((f) => f.askerId)).size;
  let entries = [...groups.entries()];
  if (opts.fold && opts.foldable) {
    const small = entries.filter(([, fs]) => askers(fs) < MIN_GROUP_ASKERS);
    if (small.length > 0) {
      const big = entries.filter(([, fs]) => askers(fs) >= MIN_GROUP_ASKERS && fs.length > 0);
      const other = [...(big.find(([g]) => g === 'Other')?.[1] ?? []), ...small.flatMap(([, fs]) => fs)];
      entries = [...big.filter(([g]) => g !== 'Other'), ['Other', other]];
    }
  }
  const last = (g: string) => (g === 'Other' ? 2 : g === 'Not given' ? 1 : 0);
  return entries
    .map(([group, fs]) => {
      const n = askers(fs);
      const withheld = opts.fold && n < MIN_GROUP_ASKERS;
      const f = responseFigures(fs, now);
      return withheld
        ? { ...f, group, askers: n, withheld, medianFirstResponseHours: null, p90FirstResponseHours: null, medianAcceptedHours: null, p90AcceptedHours: null, unanswered48h: 0, questionsOver48h: 0, unanswered48hShare: null }
        : { ...f, group, askers: n, withheld };
    })
    .sort((a, b) => last(a.group) - last(b.group) || b.questions - a.questions || a.group.localeCompare(b.group));
}
