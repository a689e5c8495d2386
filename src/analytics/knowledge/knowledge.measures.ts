/*
 * The rules of knowledge health, as pure functions (docs/analytics/knowledge.md quotes them).
 */

/** Expertise half-life, as src/people/expertise uses it. */
export const HALF_LIFE_DAYS = 365;
/** A tag's expertise is concentrated when its top one or two holders have at least this share of its score. */
export const CONCENTRATION_SHARE = 2 / 3;
/** …and the tag has at least this many evidence items (fewer says too little to call it concentrated). */
export const MIN_EVIDENCE = 5;
/** Experts are quiet when none of them acted in the community (views aside) for this many days. */
export const QUIET_DAYS = 60;
/** An endorsed article is listed as due when its review falls due within this many days (or is past). */
export const DUE_WITHIN_DAYS = 30;
/** Apprentices: recent questions and answers in the tag count over this many days. */
export const APPRENTICE_RECENT_DAYS = 90;
/** Apprentice ranking: points per recent answer or reply in the tag, and per recent question. */
export const APPRENTICE_ANSWER_POINTS = 3;
export const APPRENTICE_QUESTION_POINTS = 1;

const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2000-01-01T00:00:00Z');

/**
 * Evidence weight scaled to a fixed epoch: weight × 2^(days since 2000-01-01 / half-life). Every
 * member's score decays by the same factor as time passes, so shares of epoch-scaled sums equal
 * shares of the decayed scores at any moment (and a stored share never goes stale).
 */
export function epochWeight(weight: number, at: string): number {
  return weight * Math.pow(2, (Date.parse(at) - EPOCH) / DAY_MS / HALF_LIFE_DAYS);
}

/** One member's score in a tag (negative totals count as 0, as in src/people/expertise). */
export interface Holder {
  userId: number;
  score: number;
}

/** How a tag's expertise is spread: total score, holders, the top two. */
export interface TagSpread {
  score: number;
  holders: number;
  top: Holder[];
}

/** Sums members' scores (negatives as 0) and keeps the top two (ties: lower user id first). */
export function spreadOf(scores: ReadonlyMap<number, number>): TagSpread {
  const positive = [...scores.entries()].filter(([, s]) => s > 0).map(([userId, score]) => ({ userId, score }));
  positive.sort((a, b) => b.score - a.score || a.userId - b.userId);
  return { score: positive.reduce((s, h) => s + h.score, 0), holders: positive.length, top: positive.slice(0, 2) };
}

/**
 * The experts a tag depends on: the smallest set of its top holders (one, else two) whose share of
 * the tag's score is at least 2/3, when the tag has at least MIN_EVIDENCE evidence items. Null when
 * the expertise is spread wider (or there is too little evidence to say).
 */
export function concentration(t: { score: number; evidence: number; top: readonly Holder[] }): { experts: Holder[]; share: number } | null {
  if (t.evidence < MIN_EVIDENCE || t.score <= 0 || t.top.length === 0) return null;
  const first = t.top[0]!;
  if (first.score / t.score >= CONCENTRATION_SHARE) return { experts: [first], share: first.score / t.score };
  const second = t.top[1];
  if (second && (first.score + second.score) / t.score >= CONCENTRATION_SHARE) return { experts: [first, second], share: (first.score + second.score) / t.score };
  return null;
}

/**
 * Whole days since the most recent act of any of the experts (null: none of them ever acted there),
 * and whether that makes them all quiet (≥ QUIET_DAYS).
 */
export function quietness(lastActs: ReadonlyArray<string | null>, now: Date): { quietDays: number | null; quiet: boolean } {
  const known = lastActs.filter((x): x is string => x !== null).map((x) => Date.parse(x));
  if (known.length === 0) return { quietDays: null, quiet: true };
  const days = Math.floor((now.getTime() - Math.max(...known)) / DAY_MS);
  return { quietDays: days, quiet: days >= QUIET_DAYS };
}

/** A possible apprentice for a tag: their decayed evidence score in it and recent questions/answers. */
export interface ApprenticeCandidate {
  userId: number;
  evidenceScore: number;
  recentAnswers: number;
  recentQuestions: number;
}

/** Apprentice points: evidence score + 3 × recent answers/replies + 1 × recent questions in the tag. */
export const apprenticePoints = (c: ApprenticeCandidate): number => c.evidenceScore + APPRENTICE_ANSWER_POINTS * c.recentAnswers + APPRENTICE_QUESTION_POINTS * c.recentQuestions;

/** Ranks candidates by points (ties: lower user id first), leaving out the experts and anyone with no points; the first `limit`. */
export function rankApprentices(cands: readonly ApprenticeCandidate[], expertIds: readonly number[], limit = 5): ApprenticeCandidate[] {
  return cands
    .filter((c) => !expertIds.includes(c.userId) && apprenticePoints(c) > 0)
    .sort((a, b) => apprenticePoints(b) - apprenticePoints(a) || a.userId - b.userId)
    .slice(0, limit);
}
