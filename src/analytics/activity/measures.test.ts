import { describe, expect, it } from 'vitest';
import { absenceFactor, buckets, gini } from './inequality.ts';
import { flowsBetween, levelOf, type Level } from './levels.ts';
import { rhythmOf } from './rhythm.ts';

describe('gini', () => {
  it('is 0.75 when one of four members made everything (members with none included)', () => {
    // Σ|xi − xj| over ordered pairs = 6 × 10 = 60; 2 n² x̄ = 2 × 16 × 2.5 = 80; 60 / 80 = 0.75.
    expect(gini([0, 10, 0, 0])).toBeCloseTo(0.75, 10);
  });
  it('is 0.25 for 1, 2, 3, 4', () => {
    // Ordered-pair differences: 2 × (1+2+3+1+2+1) = 20; 2 × 16 × 2.5 = 80.
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 10);
  });
  it('is 0 for equal members, nobody contributing, and nobody at all', () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });
});

describe('buckets (90-9-1)', () => {
  it('splits 20 members: top 1 member, next 1, rest 18', () => {
    // n = 20: ⌈0.2⌉ = 1 top member; ⌈2⌉ = 2 in the top 10% → 1 next; total 100.
    const values = [50, 30, 5, 5, 5, 5, ...Array<number>(14).fill(0)];
    expect(buckets(values)).toEqual({ top1Share: 0.5, next9Share: 0.3, restShare: expect.closeTo(0.2, 10), zeroShare: 14 / 20 });
  });
  it('is all zero for nobody, and only the zero share when nobody contributed', () => {
    expect(buckets([])).toEqual({ top1Share: 0, next9Share: 0, restShare: 0, zeroShare: 0 });
    expect(buckets([0, 0])).toEqual({ top1Share: 0, next9Share: 0, restShare: 0, zeroShare: 1 });
  });
});

describe('absenceFactor', () => {
  it('counts the fewest members who make half the contributions', () => {
    expect(absenceFactor([50, 30, 20])).toBe(1); // 50 of 100 is half
    expect(absenceFactor([40, 30, 20, 10])).toBe(2); // 40 < 50, 70 ≥ 50
    expect(absenceFactor([1, 1, 1, 1, 0])).toBe(2);
    expect(absenceFactor([0, 0])).toBe(0);
  });
});

describe('levelOf', () => {
  const base = { member: true, monthsContributing: 0, contributions: 0, questions: 0, reactions: 0, acts: 0 };
  it('places members by the documented rules', () => {
    expect(levelOf(base)).toBeNull();
    expect(levelOf({ ...base, acts: 4, reactions: 4 })).toBe('peripheral');
    expect(levelOf({ ...base, acts: 1, contributions: 1, questions: 1, monthsContributing: 1 })).toBe('transactional');
    expect(levelOf({ ...base, acts: 2, contributions: 1, questions: 1, reactions: 1, monthsContributing: 1 })).toBe('occasional');
    expect(levelOf({ ...base, acts: 2, contributions: 2, monthsContributing: 1 })).toBe('occasional');
    expect(levelOf({ ...base, acts: 3, contributions: 3, monthsContributing: 1 })).toBe('active');
    expect(levelOf({ ...base, acts: 2, contributions: 2, monthsContributing: 2 })).toBe('active');
    expect(levelOf({ ...base, acts: 9, contributions: 9, monthsContributing: 3 })).toBe('active');
    expect(levelOf({ ...base, acts: 10, contributions: 10, monthsContributing: 3 })).toBe('core');
    expect(levelOf({ ...base, member: false, acts: 12, contributions: 12, monthsContributing: 3 })).toBe('transactional');
  });
});

describe('flowsBetween', () => {
  it('counts moves inward, held and outward, with newcomers coming from none', () => {
    const before = new Map<number, Level>([[1, 'active'], [2, 'core'], [3, 'occasional'], [4, 'peripheral']]);
    const after = new Map<number, Level>([[1, 'core'], [2, 'core'], [3, 'peripheral'], [5, 'occasional']]);
    const f = flowsBetween(before, after);
    expect({ inward: f.movedInward, held: f.held, outward: f.movedOutward }).toEqual({ inward: 2, held: 1, outward: 2 });
    expect(f.matrix).toEqual([
      { from: 'core', to: 'core', members: 1 },
      { from: 'active', to: 'core', members: 1 },
      { from: 'occasional', to: 'peripheral', members: 1 },
      { from: 'peripheral', to: 'none', members: 1 },
      { from: 'none', to: 'occasional', members: 1 },
    ]);
  });
});

describe('rhythmOf', () => {
  it('takes the median gap as usual and flags gaps over 3 × usual, the open one too', () => {
    // Gaps: 2, 2, 2, 10, 2 → usual 2; 10 > 6 flagged; from 03-19 to today 03-31 is 12 > 6, open.
    const r = rhythmOf(['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-07', '2026-03-17', '2026-03-19'], '2026-03-31');
    expect(r.usualGap).toBe(2);
    expect(r.longGaps).toEqual([
      { from: '2026-03-07', to: '2026-03-17', days: 10, open: false },
      { from: '2026-03-19', to: '2026-03-31', days: 12, open: true },
    ]);
  });
  it('has no usual gap with fewer than two active days', () => {
    expect(rhythmOf(['2026-03-01'], '2026-03-31')).toEqual({ activeDays: 1, usualGap: null, longGaps: [] });
  });
});
