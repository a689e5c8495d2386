import { describe, expect, it } from 'vitest';
import { estimateStage, stageHistory, type StageMonth } from './stage.ts';

const month = (i: number, over: Partial<StageMonth>): StageMonth => ({
  month: `2026-${String(i + 1).padStart(2, '0')}`,
  members: 40, newMembers: 0, activeMembers: 20, core: 4, contributions: 100, articlesCreated: 2, reuseEvents: 4, newcomerShare: 0.1, medianFirstResponseHours: 5,
  ...over,
});

describe('the lifecycle stage estimate', () => {
  it('is potential with few members or no core group, saying which', () => {
    const few = estimateStage([month(0, { members: 6 })], 0);
    expect(few.stage).toBe('potential');
    expect(few.evidence.find((e) => e.decisive)!.key).toBe('members');
    const noCore = estimateStage([month(0, { core: 1 }), month(1, { core: 1 }), month(2, { core: 2 })], 2);
    expect(noCore.stage).toBe('potential'); // 3-month average core 1.3 < 2
    expect(noCore.reason).toMatch(/No core group/);
  });

  it('follows a known history: gathering, then maturing, then an established practice, then decline', () => {
    const members = [8, 14, 19, 25, 29, 31, 32, 32, 32, 32, 32, 32, 32, 32, 32];
    const months = members.map((n, i) =>
      month(i, {
        members: n,
        // Knowledge written early, reused later.
        articlesCreated: i < 9 ? 4 : 1,
        reuseEvents: i < 9 ? 6 : 12,
        // Activity collapses in the last three months.
        contributions: i >= 12 ? 30 : 100,
        newcomerShare: i < 4 ? 0.5 : 0.1,
      }),
    );
    const stages = stageHistory(months).map((e) => e.stage);
    expect(stages.slice(0, 7)).toEqual(['potential', 'coalescing', 'coalescing', 'coalescing', 'coalescing', 'coalescing', 'coalescing']);
    // Months 7–9: growth under 15% over three months (29 → 32), few newcomers, writing more than reusing.
    expect(stages.slice(7, 10)).toEqual(['maturing', 'maturing', 'maturing']);
    // Months 10–12: flat membership, at least 5 reuse acts per article written over the last three months.
    expect(stages.slice(10, 13)).toEqual(['stewardship', 'stewardship', 'stewardship']);
    // Month 13: 160 contributions in the last three months vs 300 before (−47%), membership flat.
    expect(stages[13]).toBe('transformation');
    // Month 14: 90 contributions in the last three months vs 300 before, membership flat.
    const last = estimateStage(months, 14);
    expect(last.stage).toBe('transformation');
    expect(last.reason).toContain('fell 70%');
    expect(last.evidence.filter((e) => e.decisive).map((e) => e.key).sort()).toEqual(['activity', 'growth']);
  });

  it('reads growth over three months and the reuse per article from the last three months', () => {
    const months = [month(0, { members: 100 }), month(1, { members: 100 }), month(2, { members: 100 }), month(3, { members: 120, articlesCreated: 1, reuseEvents: 10 })];
    const e = estimateStage(months, 3);
    expect(e.evidence.find((x) => x.key === 'growth')!.value).toBe('+20%');
    expect(e.evidence.find((x) => x.key === 'reuse')!.value).toBe('5 written, 18 reuse acts');
    expect(e.stage).toBe('coalescing');
  });
});
