import type { DumpQuestion, ExpertDump } from './eval.dump.ts';
import { rankAnswerers, type PastAnswer, type PastQuestion, type RankMethod } from './ranker.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Mean figures of one method over the evaluated questions (each has one relevant person). */
export interface ExpertFigures {
  method: RankMethod;
  questions: number;
  p1: number;
  mrr: number;
  ndcg10: number;
  recall10: number;
}

export interface ReplayResult {
  figures: ExpertFigures[];
  /** Questions with an accepted answer by someone other than the asker (the evaluated ones). */
  evaluated: number;
  /** Of those, how many were accepted from someone with no earlier answer (no method can rank them). */
  cold: number;
}

/** Figures for one ranking against one relevant id: rank (1-based) or 0 when not ranked. */
export function figuresAt(rank: number): { p1: number; rr: number; ndcg10: number; recall10: number } {
  if (rank < 1) return { p1: 0, rr: 0, ndcg10: 0, recall10: 0 };
  return { p1: rank === 1 ? 1 : 0, rr: 1 / rank, ndcg10: rank <= 10 ? 1 / Math.log2(rank + 1) : 0, recall10: rank <= 10 ? 1 : 0 };
}

/**
 * What was known just before `q` was asked: earlier answers (with acceptance and votes only from days
 * that had ended by then — Votes.xml dates are days) and earlier questions.
 */
function historyBefore(dump: ExpertDump, byId: Map<number, DumpQuestion>, q: DumpQuestion): { answers: PastAnswer[]; questions: PastQuestion[] } {
  const answers: PastAnswer[] = [];
  for (const a of dump.answers) {
    if (a.at >= q.at) break;
    const parent = byId.get(a.questionId);
    if (a.userId === null || !parent) continue;
    const known = (at: number) => at + DAY_MS <= q.at;
    const score = a.votes.reduce((s, v) => s + (known(v.at) ? v.value : 0), 0);
    answers.push({ userId: a.userId, questionId: parent.id, tags: parent.tags, at: a.at, accepted: a.acceptedAt !== null && known(a.acceptedAt), score });
  }
  const questions: PastQuestion[] = [];
  for (const x of dump.questions) {
    if (x.at >= q.at) break;
    if (x.userId !== null) questions.push({ id: x.id, userId: x.userId, tags: x.tags, at: x.at, terms: x.terms });
  }
  return { answers, questions };
}

/**
 * Replays the dump in time order: for each question with an accepted answer by someone other than
 * the asker, ranks answerers by each method from what happened before the question was asked, and
 * scores the rank of the accepted answer's author (P@1, MRR, NDCG@10, recall@10, averaged).
 */
export function replayExperts(dump: ExpertDump, methods: readonly RankMethod[]): ReplayResult {
  const byId = new Map(dump.questions.map((q) => [q.id, q]));
  const answersById = new Map(dump.answers.map((a) => [a.id, a]));
  const sums = methods.map(() => ({ p1: 0, rr: 0, ndcg10: 0, recall10: 0 }));
  let evaluated = 0;
  let cold = 0;
  for (const q of dump.questions) {
    const accepted = q.acceptedAnswerId === null ? undefined : answersById.get(q.acceptedAnswerId);
    const expert = accepted?.userId ?? null;
    if (expert === null || expert === q.userId) continue;
    evaluated += 1;
    const history = historyBefore(dump, byId, q);
    if (!history.answers.some((a) => a.userId === expert)) cold += 1;
    methods.forEach((method, i) => {
      const ranked = rankAnswerers({ authorId: q.userId ?? -1, tags: q.tags, at: q.at, terms: q.terms }, history, { method });
      const f = figuresAt(ranked.findIndex((r) => r.userId === expert) + 1);
      const s = sums[i];
      if (!s) return;
      s.p1 += f.p1;
      s.rr += f.rr;
      s.ndcg10 += f.ndcg10;
      s.recall10 += f.recall10;
    });
  }
  const avg = (x: number) => (evaluated === 0 ? 0 : x / evaluated);
  const figures = methods.map((method, i) => {
    const s = sums[i] ?? { p1: 0, rr: 0, ndcg10: 0, recall10: 0 };
    return { method, questions: evaluated, p1: avg(s.p1), mrr: avg(s.rr), ndcg10: avg(s.ndcg10), recall10: avg(s.recall10) };
  });
  return { figures, evaluated, cold };
}
