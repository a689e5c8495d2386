import { describe, expect, it } from 'vitest';
import { apprenticePoints, concentration, epochWeight, quietness, rankApprentices, spreadOf } from './knowledge.measures.ts';

describe('spreadOf', () => {
  it('sums positive scores, counts holders and keeps the top two, negatives as 0', () => {
    const s = spreadOf(new Map([[1, 10], [2, 30], [3, -4], [4, 20]]));
    expect(s).toEqual({ score: 60, holders: 3, top: [{ userId: 2, score: 30 }, { userId: 4, score: 20 }] });
  });
});

describe('concentration', () => {
  it('names one expert who alone holds at least 2/3', () => {
    // 8 of 12 = 0.667 exactly: on the line counts.
    expect(concentration({ score: 12, evidence: 5, top: [{ userId: 1, score: 8 }, { userId: 2, score: 2 }] })).toEqual({ experts: [{ userId: 1, score: 8 }], share: 8 / 12 });
  });
  it('names two experts who together hold at least 2/3', () => {
    // 5 + 4 of 12 = 0.75; 5 alone is 0.42.
    const c = concentration({ score: 12, evidence: 9, top: [{ userId: 1, score: 5 }, { userId: 2, score: 4 }] });
    expect(c?.experts.map((e) => e.userId)).toEqual([1, 2]);
    expect(c?.share).toBe(0.75);
  });
  it('is null when the top two hold less than 2/3, or with fewer than 5 evidence items', () => {
    expect(concentration({ score: 12, evidence: 9, top: [{ userId: 1, score: 4 }, { userId: 2, score: 3.9 }] })).toBeNull();
    expect(concentration({ score: 12, evidence: 4, top: [{ userId: 1, score: 12 }] })).toBeNull();
    expect(concentration({ score: 0, evidence: 9, top: [] })).toBeNull();
  });
});

describe('epochWeight', () => {
  it('doubles a weight per half-life (365 days) later, so shares do not change with time', () => {
    const a = epochWeight(10, '2025-01-01T12:00:00Z');
    expect(epochWeight(10, '2026-01-01T12:00:00Z') / a).toBeCloseTo(2, 12);
    expect(epochWeight(5, '2025-01-01T12:00:00Z') / a).toBeCloseTo(0.5, 12);
  });
});

describe('quietness', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('takes the most recent act of any expert: quiet from 60 whole days', () => {
    expect(quietness(['2026-09-27T12:00:00Z', '2026-08-01T00:00:00Z'], now)).toEqual({ quietDays: 60, quiet: true });
    expect(quietness(['2026-09-28T00:00:00Z', '2026-01-01T00:00:00Z'], now)).toEqual({ quietDays: 59, quiet: false });
  });
  it('counts experts who never acted in the community as quiet, with no day count', () => {
    expect(quietness([null, null], now)).toEqual({ quietDays: null, quiet: true });
  });
});

describe('rankApprentices', () => {
  it('ranks by evidence + 3 per recent answer + 1 per recent question, leaving out experts and people with no points', () => {
    const cands = [
      { userId: 1, evidenceScore: 50, recentAnswers: 0, recentQuestions: 0 },
      { userId: 2, evidenceScore: 2, recentAnswers: 1, recentQuestions: 1 },
      { userId: 3, evidenceScore: 0, recentAnswers: 0, recentQuestions: 4 },
      { userId: 4, evidenceScore: 0, recentAnswers: 2, recentQuestions: 0 },
      { userId: 5, evidenceScore: 0, recentAnswers: 0, recentQuestions: 0 },
    ];
    expect(cands.map(apprenticePoints)).toEqual([50, 6, 4, 6, 0]);
    expect(rankApprentices(cands, [1]).map((c) => c.userId)).toEqual([2, 4, 3]);
    expect(rankApprentices(cands, [1], 2).map((c) => c.userId)).toEqual([2, 4]);
  });
});
