import { describe, expect, it } from 'vitest';
import { blau, dimensionFigures, foldSmall, monthsBefore, newcomerSince, OTHER_KEY, tenureBand } from './inclusion.measures.ts';

const cat = (key: string, members: number, contributors: number) => ({ key, label: key, members, contributors });

describe('blau', () => {
  it('is 1 − Σ p² over the category counts', () => {
    // 6, 4, 1, 1 of 12: 1 − (36 + 16 + 1 + 1) / 144 = 90 / 144.
    expect(blau([6, 4, 1, 1])).toBeCloseTo(0.625, 12);
    // Two equal halves: 1 − 2 × 0.25.
    expect(blau([5, 5])).toBe(0.5);
  });

  it('is 0 when everyone is in one category and null when there is nobody', () => {
    expect(blau([7])).toBe(0);
    expect(blau([7, 0, 0])).toBe(0);
    expect(blau([])).toBeNull();
    expect(blau([0, 0])).toBeNull();
  });
});

describe('dimensionFigures', () => {
  // Members: hydrology 6, geology 4, ecology 1, chemistry 1 (12, plus 3 who gave nothing);
  // active contributors: hydrology 6, geology 1, ecology 1 (8, plus 1 who gave nothing).
  const f = dimensionFigures([cat('geology', 4, 1), cat('chemistry', 1, 0), cat('hydrology', 6, 6), cat('ecology', 1, 1)], { members: 3, contributors: 1 });

  it('computes Blau for members and contributors over the given values only, with coverage', () => {
    expect(f.members).toEqual({ total: 15, given: 12, blau: 90 / 144 });
    // Contributors: 1 − (36 + 1 + 1) / 64 = 26 / 64.
    expect(f.contributors.given).toBe(8);
    expect(f.contributors.total).toBe(9);
    expect(f.contributors.blau).toBeCloseTo(26 / 64, 12);
    expect(f.blauGap).toBeCloseTo(26 / 64 - 90 / 144, 12);
  });

  it('flags the category with far fewer contributors than its member share predicts', () => {
    const byKey = Object.fromEntries(f.categories.map((c) => [c.key, c]));
    // Geology: 4/12 of members predicts 8/3 ≈ 2.67 of the 8 contributors; it has 1 (≤ half): flagged.
    expect(byKey.geology).toMatchObject({ memberShare: 1 / 3, contributorShare: 1 / 8, flagged: true });
    expect(byKey.geology!.expectedContributors).toBeCloseTo(8 / 3, 12);
    expect(byKey.geology!.ratio).toBeCloseTo(3 / 8, 12);
    // Hydrology contributes more than its share; chemistry has 0 but predicts only 2/3 of a contributor.
    expect(byKey.hydrology!.flagged).toBe(false);
    expect(byKey.chemistry).toMatchObject({ contributors: 0, contributorShare: 0, ratio: 0, flagged: false });
    expect(f.categories.filter((c) => c.flagged).map((c) => c.key)).toEqual(['geology']);
  });

  it('orders categories by members, most first', () => {
    expect(f.categories.map((c) => c.key)).toEqual(['hydrology', 'geology', 'ecology', 'chemistry']);
  });

  it('does not flag a category only one member short when the prediction is met', () => {
    // 3 of 6 members, 2 of 4 contributors: predicted 2, has 2.
    const g = dimensionFigures([cat('a', 3, 2), cat('b', 3, 2)], { members: 0, contributors: 0 });
    expect(g.categories.some((c) => c.flagged)).toBe(false);
  });

  it('has no shares and no Blau when nobody gave the field', () => {
    const g = dimensionFigures([], { members: 5, contributors: 2 });
    expect(g.members).toEqual({ total: 5, given: 0, blau: null });
    expect(g.contributors.blau).toBeNull();
    expect(g.blauGap).toBeNull();
  });
});

describe('foldSmall', () => {
  it('merges categories of fewer than 3 members into one "other" row, keeping the flags', () => {
    const f = dimensionFigures([cat('hydrology', 6, 6), cat('geology', 4, 1), cat('ecology', 1, 1), cat('chemistry', 1, 0)], { members: 0, contributors: 0 });
    const folded = foldSmall(f);
    expect(folded.map((c) => [c.key, c.members, c.contributors, c.flagged])).toEqual([
      ['hydrology', 6, 6, false],
      ['geology', 4, 1, true],
      [OTHER_KEY, 2, 1, false],
    ]);
    expect(folded[2]!.memberShare).toBeCloseTo(2 / 12, 12);
    expect(folded[2]!.contributorShare).toBeCloseTo(1 / 8, 12);
    expect(JSON.stringify(folded)).not.toMatch(/ecology|chemistry/);
  });

  it('adds no "other" row when every category is big enough', () => {
    const f = dimensionFigures([cat('a', 3, 1), cat('b', 5, 2)], { members: 1, contributors: 0 });
    expect(foldSmall(f).map((c) => c.key)).toEqual(['b', 'a']);
  });
});

describe('tenure and newcomers', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');

  it('bands a membership by whole calendar months since joining', () => {
    expect(tenureBand('2026-11-01T00:00:00.000Z', now)).toBe('under-3');
    expect(tenureBand('2026-08-26T12:00:00.001Z', now)).toBe('under-3');
    expect(tenureBand('2026-08-26T12:00:00.000Z', now)).toBe('3-12'); // exactly 3 months
    expect(tenureBand('2025-11-26T12:00:00.001Z', now)).toBe('3-12');
    expect(tenureBand('2025-11-26T12:00:00.000Z', now)).toBe('12-24');
    expect(tenureBand('2024-11-26T12:00:00.001Z', now)).toBe('12-24');
    expect(tenureBand('2024-11-26T11:59:59.999Z', now)).toBe('24-plus');
  });

  it('steps back calendar months, clamping to the end of a shorter month', () => {
    expect(monthsBefore(new Date('2026-05-31T08:00:00.000Z'), 3).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00.000Z'), 2).toISOString()).toBe('2025-11-15T00:00:00.000Z');
  });

  it('counts as a newcomer in a month whoever joined from 90 days before it began', () => {
    expect(newcomerSince('2026-11')).toBe('2026-08-03T00:00:00.000Z');
    expect(newcomerSince('2026-03')).toBe('2025-12-01T00:00:00.000Z');
  });
});
