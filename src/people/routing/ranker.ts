/**
 * Who is likely to answer a question well: a pure function over a small history model, so the same
 * code ranks in production (history loaded from the database, bounded) and in the offline evaluation
 * (history replayed from a Stack Exchange dump). Formulas: docs/people/routing.md.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** An answer given before the question being routed, with what was known about it at that time. */
export interface PastAnswer {
  userId: number;
  /** The question it answers. */
  questionId: number;
  /** That question's tags (normalised). */
  tags: readonly string[];
  at: number;
  accepted: boolean;
  score: number;
}

/** A question asked before the one being routed (z-score's q; term statistics for text similarity). */
export interface PastQuestion {
  id: number;
  userId: number;
  tags: readonly string[];
  at: number;
  /** Title terms (see tokenize in src/search/related/query.ts). */
  terms: readonly string[];
}

export interface RoutingHistory {
  answers: readonly PastAnswer[];
  questions: readonly PastQuestion[];
}

/** The question to route. */
export interface QuestionToRoute {
  authorId: number;
  tags: readonly string[];
  at: number;
  terms: readonly string[];
}

/** The weights of the expertise score (see expertScore). */
export interface ExpertWeights {
  /** Weight of the share of the question's tags an answer's question carries. */
  tag: number;
  /** Weight of the idf-weighted title similarity between the question and the answered question. */
  text: number;
  /** Extra quality of an answer once accepted. */
  accepted: number;
  /** Extra quality per log(1 + positive score). */
  score: number;
  /** Half-life of an answer's weight in days; null: no decay. */
  halfLifeDays: number | null;
  /** Weight of any answer at all (activity), whatever its tags. */
  activity: number;
}

export type RankMethod = 'answer-count' | 'zscore' | 'recent-activity' | 'tags-quality' | 'tags-quality-recency' | 'expert';
export const rankMethods: readonly RankMethod[] = ['answer-count', 'zscore', 'recent-activity', 'tags-quality', 'tags-quality-recency', 'expert'];

/** The weighted methods; `expert` is the production default (chosen by bench/RESULTS.md). */
export const methodWeights: Record<Exclude<RankMethod, 'answer-count' | 'zscore'>, ExpertWeights> = {
  /** A diagnostic: who answered anything lately, tags ignored. */
  'recent-activity': { tag: 0, text: 0, accepted: 0, score: 0, halfLifeDays: 30, activity: 1 },
  'tags-quality': { tag: 1, text: 0, accepted: 1, score: 0.5, halfLifeDays: null, activity: 0 },
  'tags-quality-recency': { tag: 1, text: 0, accepted: 1, score: 0.5, halfLifeDays: 30, activity: 0.2 },
  expert: { tag: 1, text: 1, accepted: 1, score: 0.5, halfLifeDays: 30, activity: 0.2 },
};
export const DEFAULT_METHOD: RankMethod = 'expert';

/** Each open invitation divides a member's score by (1 + LOAD_FACTOR × open invitations). */
export const LOAD_FACTOR = 0.5;

/** Why someone is suggested, shown beside them ("3 accepted answers in #sql"). */
export interface Reason {
  kind: 'accepted' | 'answers' | 'similar' | 'recent' | 'load';
  count: number;
  tag?: string;
  text: string;
}

export interface RankedAnswerer {
  userId: number;
  score: number;
  reasons: Reason[];
}

export interface RankOptions {
  method?: RankMethod;
  /** Who may be suggested; null or absent: anyone in the history. The asker never is. */
  candidates?: ReadonlySet<number> | null;
  /** Open invitations each member holds (the load spread). */
  openInvitations?: ReadonlyMap<number, number>;
  limit?: number;
}

const overlap = (q: readonly string[], a: readonly string[]) => (q.length === 0 ? 1 : q.filter((t) => a.includes(t)).length / q.length);

/** Cosine of two term sets under idf weights (0 when either is empty). */
function similarity(q: ReadonlyMap<string, number>, qNorm: number, terms: readonly string[], idf: (t: string) => number): number {
  if (qNorm === 0 || terms.length === 0) return 0;
  let dot = 0;
  let norm = 0;
  for (const t of new Set(terms)) {
    const w = idf(t);
    norm += w * w;
    dot += (q.get(t) ?? 0) * w;
  }
  return norm === 0 ? 0 : dot / (qNorm * Math.sqrt(norm));
}

interface Tally {
  score: number;
  answers: Map<string, number>;
  accepted: Map<string, number>;
  similar: number;
  lastAt: number;
  asked: number;
  answered: number;
}

function tally(map: Map<number, Tally>, userId: number): Tally {
  let t = map.get(userId);
  if (!t) {
    t = { score: 0, answers: new Map(), accepted: new Map(), similar: 0, lastAt: 0, asked: 0, answered: 0 };
    map.set(userId, t);
  }
  return t;
}

/** Counts and scores every user in the history for the question, by the method. */
function scoreUsers(q: QuestionToRoute, h: RoutingHistory, method: RankMethod): Map<number, Tally> {
  const w = method === 'answer-count' || method === 'zscore' ? null : methodWeights[method];
  const terms = new Map(h.questions.map((x) => [x.id, x.terms]));
  const df = new Map<string, number>();
  for (const x of h.questions) for (const t of new Set(x.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = h.questions.length;
  const idf = (t: string) => Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 1));
  const qVec = new Map([...new Set(q.terms)].map((t) => [t, idf(t)]));
  const qNorm = Math.sqrt([...qVec.values()].reduce((s, v) => s + v * v, 0));
  const users = new Map<number, Tally>();
  for (const a of h.answers) {
    if (a.at >= q.at) continue;
    const share = overlap(q.tags, a.tags);
    const sim = w && w.text > 0 ? similarity(qVec, qNorm, terms.get(a.questionId) ?? [], idf) : 0;
    if (share === 0 && sim === 0 && (!w || w.activity === 0)) continue;
    const u = tally(users, a.userId);
    u.lastAt = Math.max(u.lastAt, a.at);
    if (sim >= 0.3) u.similar += 1;
    if (share > 0) {
      u.answered += 1;
      for (const tag of a.tags.filter((t) => q.tags.includes(t))) {
        u.answers.set(tag, (u.answers.get(tag) ?? 0) + 1);
        if (a.accepted) u.accepted.set(tag, (u.accepted.get(tag) ?? 0) + 1);
      }
    }
    if (!w) continue;
    const quality = 1 + (a.accepted ? w.accepted : 0) + w.score * Math.log1p(Math.max(0, a.score));
    const decay = w.halfLifeDays === null ? 1 : 0.5 ** ((q.at - a.at) / (w.halfLifeDays * DAY_MS));
    u.score += (w.tag * share + w.text * sim) * quality * decay + w.activity * decay;
  }
  if (method === 'answer-count') for (const u of users.values()) u.score = u.answered;
  if (method === 'zscore') {
    for (const x of h.questions) if (x.at < q.at && overlap(q.tags, x.tags) > 0) tally(users, x.userId).asked += 1;
    for (const u of users.values()) u.score = u.answered + u.asked === 0 ? 0 : (u.answered - u.asked) / Math.sqrt(u.answered + u.asked);
  }
  return users;
}

function best(m: Map<string, number>): [string, number] | null {
  let top: [string, number] | null = null;
  for (const e of m) if (!top || e[1] > top[1] || (e[1] === top[1] && e[0] < top[0])) top = e;
  return top;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function reasonsOf(u: Tally, now: number, open: number): Reason[] {
  const out: Reason[] = [];
  const acc = best(u.accepted);
  if (acc) out.push({ kind: 'accepted', count: acc[1], tag: acc[0], text: `${plural(acc[1], 'accepted answer', 'accepted answers')} in #${acc[0]}` });
  const ans = best(u.answers);
  if (ans && (!acc || ans[1] > acc[1])) out.push({ kind: 'answers', count: ans[1], tag: ans[0], text: `${plural(ans[1], 'answer', 'answers')} in #${ans[0]}` });
  if (u.similar > 0) out.push({ kind: 'similar', count: u.similar, text: `answered ${plural(u.similar, 'similar question', 'similar questions')}` });
  if (u.lastAt > 0) {
    const days = Math.max(0, Math.floor((now - u.lastAt) / DAY_MS));
    out.push({ kind: 'recent', count: days, text: days === 0 ? 'answered a question today' : `last answered ${plural(days, 'day', 'days')} ago` });
  }
  if (open > 0) out.push({ kind: 'load', count: open, text: `already holds ${plural(open, 'open invitation', 'open invitations')}` });
  return out;
}

/**
 * Ranks the people in `history` for `question`, best first: only those with a positive score, never
 * the asker, only `candidates` when given. Each open invitation divides the score by
 * (1 + LOAD_FACTOR × count). Ties go to the lower user id, so the order is deterministic.
 */
export function rankAnswerers(question: QuestionToRoute, history: RoutingHistory, opts: RankOptions = {}): RankedAnswerer[] {
  const users = scoreUsers(question, history, opts.method ?? DEFAULT_METHOD);
  const ranked: RankedAnswerer[] = [];
  for (const [userId, u] of users) {
    if (userId === question.authorId || (opts.candidates && !opts.candidates.has(userId))) continue;
    const open = opts.openInvitations?.get(userId) ?? 0;
    const score = (opts.method === 'zscore' ? u.score : u.score / (1 + LOAD_FACTOR * open));
    if (opts.method === 'zscore' ? u.answered + u.asked === 0 : score <= 0) continue;
    ranked.push({ userId, score, reasons: reasonsOf(u, question.at, open) });
  }
  ranked.sort((a, b) => b.score - a.score || a.userId - b.userId);
  return opts.limit === undefined ? ranked : ranked.slice(0, opts.limit);
}
