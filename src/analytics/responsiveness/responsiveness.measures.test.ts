import { describe, expect, it } from 'vitest';
import { askedAsNewcomer, groupFigures, quantile, responseFigures, secondsBetween, type QuestionFact } from './responsiveness.measures.ts';

const at = (h: number) => new Date(Date.UTC(2026, 10, 2, 0) + h * 3_600_000).toISOString();
const fact = (askerId: number, askedH: number, responseH: number | null, acceptedH: number | null = null): QuestionFact => ({
  askerId,
  askedAt: at(askedH),
  askedMs: Date.parse(at(askedH)),
  askerJoinedAt: null,
  responseSeconds: responseH === null ? null : responseH * 3600,
  acceptedSeconds: acceptedH === null ? null : acceptedH * 3600,
});

describe('quantile', () => {
  it('interpolates between closest ranks (R-7)', () => {
    expect(quantile([10, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 10], 0.9)).toBeCloseTo(7.9, 10);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('secondsBetween', () => {
  it('never goes below zero (an import can date a reply before its question)', () => {
    expect(secondsBetween(at(0), at(2))).toBe(7200);
    expect(secondsBetween(at(2), at(0))).toBe(0);
  });
});

describe('responseFigures', () => {
  const now = new Date(at(100));
  it('counts a question unanswered after 48 h only once it is 48 h old, and a response at exactly 48 h as in time', () => {
    const f = responseFigures([fact(1, 0, 48), fact(2, 0, 49), fact(3, 0, null), fact(4, 60, null), fact(5, 52, 1)], now);
    // Old enough: asked at 0 h (3) and 52 h (48 h old exactly); asked at 60 h is 40 h old.
    expect(f).toMatchObject({ questions: 5, questionsOver48h: 4, unanswered48h: 2, unanswered48hShare: 0.5 });
    // Responses [48, 49, 1]: median 48, p90 at rank 1.8 = 48 + 0.8 × 1 = 48.8.
    expect(f.medianFirstResponseHours).toBe(48);
    expect(f.p90FirstResponseHours).toBe(48.8);
    expect(f.medianAcceptedHours).toBeNull();
  });
  it('has no share when no question is old enough', () => {
    expect(responseFigures([fact(1, 99, null)], now).unanswered48hShare).toBeNull();
  });
});

describe('askedAsNewcomer', () => {
  it('is true within 90 days of joining, false from day 90 and for non-members', () => {
    const joined = '2026-01-01T00:00:00.000Z';
    expect(askedAsNewcomer({ askerJoinedAt: joined, askedAt: '2026-03-31T23:59:59.000Z' })).toBe(true);
    expect(askedAsNewcomer({ askerJoinedAt: joined, askedAt: '2026-04-01T00:00:00.000Z' })).toBe(false);
    expect(askedAsNewcomer({ askerJoinedAt: null, askedAt: '2026-03-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('groupFigures', () => {
  const now = new Date(at(1000));
  const groups = new Map<string, QuestionFact[]>([
    ['Hydrology', [fact(1, 0, 1), fact(2, 0, 3), fact(3, 0, 5)]],
    ['Geology', [fact(4, 0, 100)]],
    ['Not given', [fact(5, 0, 7), fact(5, 1, 9)]],
  ]);
  it('shows every group unfolded to stewards', () => {
    expect(groupFigures(groups, now, { fold: false, foldable: true }).map((g) => [g.group, g.askers, g.medianFirstResponseHours])).toEqual([
      ['Hydrology', 3, 3],
      ['Geology', 1, 100],
      ['Not given', 1, 8],
    ]);
  });
  it('folds groups under 3 askers into Other for everyone else, withholding a group that stays small', () => {
    const folded = groupFigures(groups, now, { fold: true, foldable: true });
    // Other = Geology (asker 4) + Not given (asker 5): 2 askers, still too small → withheld.
    expect(folded.map((g) => [g.group, g.askers, g.questions, g.withheld, g.medianFirstResponseHours])).toEqual([
      ['Hydrology', 3, 3, false, 3],
      ['Other', 2, 3, true, null],
    ]);
  });
});
