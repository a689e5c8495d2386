import { describe, expect, it } from 'vitest';
import { LOAD_FACTOR, rankAnswerers, type PastAnswer, type PastQuestion, type RoutingHistory } from './ranker.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-11-26T12:00:00Z');
const ago = (days: number) => now - days * DAY;

/*
 * Ada (1) answered three #sql questions recently, two accepted; Bo (2) answered one #sql question a
 * year ago; Cy (3) answered two #css questions recently; Di (4) asks. A new #sql question by Di.
 */
const q = (id: number, tags: string[], terms: string[], userId = 4, days = 60): PastQuestion => ({ id, userId, tags, at: ago(days), terms });
const a = (userId: number, questionId: number, tags: string[], days: number, accepted = false, score = 0): PastAnswer => ({ userId, questionId, tags, at: ago(days), accepted, score });
const history: RoutingHistory = {
  questions: [q(10, ['sql'], ['index', 'join']), q(11, ['sql'], ['group', 'query']), q(12, ['sql'], ['vacuum']), q(13, ['sql'], ['index', 'join'], 4, 400), q(20, ['css'], ['grid']), q(21, ['css'], ['flexbox'])],
  answers: [a(1, 10, ['sql'], 5, true, 3), a(1, 11, ['sql'], 10, true), a(1, 12, ['sql'], 20), a(2, 13, ['sql'], 365, true, 10), a(3, 20, ['css'], 3), a(3, 21, ['css'], 4, true)],
};
const question = { authorId: 4, tags: ['sql'], at: now, terms: ['index', 'join', 'slow'] };

describe('rankAnswerers', () => {
  it('without decay ranks by #sql answers and their quality; people with no #sql answer are left out', () => {
    const ranked = rankAnswerers(question, history, { method: 'tags-quality' });
    expect(ranked.map((r) => r.userId)).toEqual([1, 2]);
  });

  it('by default, recent activity (30-day half-life) outweighs a year-old accepted answer in the tag', () => {
    const expert = rankAnswerers(question, history);
    expect(expert.map((r) => r.userId)).toEqual([1, 3, 2]);
    expect(expert[0]?.score).toBeGreaterThan(2 * (expert[1]?.score ?? 0));
  });

  it('explains each suggestion with counts per tag', () => {
    const [ada] = rankAnswerers(question, history);
    expect(ada?.reasons.map((r) => r.text)).toEqual(['2 accepted answers in #sql', '3 answers in #sql', 'answered 1 similar question', 'last answered 5 days ago']);
  });

  it('never suggests the asker and keeps to the candidates when given', () => {
    const byAda = rankAnswerers({ ...question, authorId: 1 }, history);
    expect(byAda.map((r) => r.userId)).not.toContain(1);
    expect(rankAnswerers(question, history, { candidates: new Set([2, 3]) }).map((r) => r.userId)).toEqual([3, 2]);
  });

  it('uses only what happened before the question', () => {
    const early = rankAnswerers({ ...question, at: ago(15) }, history, { method: 'answer-count' });
    expect(early.map((r) => [r.userId, r.score])).toEqual([[1, 1], [2, 1]]);
  });

  it('spreads the load: an expert holding open invitations drops below an equal peer', () => {
    const twin: RoutingHistory = { questions: history.questions, answers: [a(5, 10, ['sql'], 5, true), a(6, 10, ['sql'], 5, true)] };
    const free = rankAnswerers(question, twin);
    expect(free.map((r) => r.userId)).toEqual([5, 6]);
    const loaded = rankAnswerers(question, twin, { openInvitations: new Map([[5, 2]]) });
    expect(loaded.map((r) => r.userId)).toEqual([6, 5]);
    expect(loaded[1]?.score).toBeCloseTo((free[0]?.score ?? 0) / (1 + 2 * LOAD_FACTOR), 10);
    expect(loaded[1]?.reasons.at(-1)?.text).toBe('already holds 2 open invitations');
  });

  it('computes Zhang’s z-score from answers and questions in the tags', () => {
    const z = rankAnswerers({ ...question, authorId: 99 }, history, { method: 'zscore' });
    // Ada 3 answers, 0 questions: 3/√3; Bo 1/√1; Di 0 answers, 4 #sql questions: −4/√4.
    expect(z.map((r) => [r.userId, Number(r.score.toFixed(4))])).toEqual([[1, 1.7321], [2, 1], [4, -2]]);
  });

  it('with no tags, every earlier answer counts', () => {
    const ranked = rankAnswerers({ ...question, tags: [] }, history, { method: 'answer-count' });
    expect(ranked.map((r) => [r.userId, r.score])).toEqual([[1, 3], [3, 2], [2, 1]]);
  });
});
