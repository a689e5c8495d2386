import { describe, expect, it } from 'vitest';
import { averagePrecision, mean, recallAtK, reciprocalRank } from './metrics.ts';

describe('ranking metrics', () => {
  const rel = new Set([3, 7]);
  it('recall@k counts relevant ids within the first k only', () => {
    expect(recallAtK([1, 3, 5, 7], rel, 10)).toBe(1);
    expect(recallAtK([1, 3, 5, 7], rel, 2)).toBe(0.5);
    expect(recallAtK([1, 2], rel, 10)).toBe(0);
    expect(recallAtK([1, 2], new Set<number>(), 10)).toBe(0);
  });
  it('reciprocal rank is 1 / rank of the first relevant id', () => {
    expect(reciprocalRank([3, 1], rel)).toBe(1);
    expect(reciprocalRank([1, 2, 7], rel)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([1, 2], rel)).toBe(0);
  });
  it('average precision averages precision at each relevant rank over all relevant ids', () => {
    expect(averagePrecision([3, 7, 1], rel)).toBe(1);
    expect(averagePrecision([1, 3, 2, 7], rel)).toBeCloseTo((1 / 2 + 2 / 4) / 2, 12);
    expect(averagePrecision([1, 3], rel)).toBeCloseTo(1 / 2 / 2, 12);
    expect(averagePrecision([1], new Set<number>())).toBe(0);
  });
  it('mean of nothing is 0', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 0, 0.5])).toBe(0.5);
  });
});
