import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import type { Deps } from '../../core/deps.ts';
import { healthWindow } from '../period.ts';
import { refreshAnalytics } from '../refresh.ts';
import { activitySummary } from './activity.service.ts';
import { activityStep } from './activity.step.ts';
import { history, HISTORY_NOW } from './activity.world.ts';

describeEachDialect('activitySummary', (dialect) => {
  let h: Awaited<ReturnType<typeof openTestDb>>;
  beforeEach(async () => {
    h = await openTestDb(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives one entry per window month, zeros before the community’s first activity', async () => {
    const w = await history(h.db);
    await refreshAnalytics(h.db, { now: HISTORY_NOW, steps: [activityStep] });
    const { months } = await activitySummary({ db: h.db } as Deps, w.c.id, healthWindow(HISTORY_NOW, 6));
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(months[0]).toEqual({ month: '2025-11', members: 0, activeMembers: 0, contributors: 0, newMembers: 0, contributions: 0, coreCount: 0, levelCounts: { core: 0, active: 0, occasional: 0, peripheral: 0, transactional: 0 }, inactive: 0, gini: 0, absenceFactor: 0 });
    const mar = months[4]!;
    // March: Dan joined; Ana, Ben, Cat, Dan acted; Ana (4), Ben (1), Dan (1) contributed; Ana core; Gini 5/7 (see participation.step.db.test.ts).
    expect({ ...mar, gini: Math.round(mar.gini * 1e6) / 1e6 }).toEqual({ month: '2026-03', members: 5, activeMembers: 4, contributors: 3, newMembers: 1, contributions: 6, coreCount: 1, levelCounts: { core: 1, active: 0, occasional: 1, peripheral: 1, transactional: 1 }, inactive: 1, gini: Math.round((5 / 7) * 1e6) / 1e6, absenceFactor: 1 });
  });
});
