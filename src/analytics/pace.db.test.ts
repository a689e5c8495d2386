import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { refreshShared, stopRefresh } from './fresh.ts';
import { RefreshStopped } from './pace.ts';
import { lastRefresh } from './refresh.ts';

/*
 * A refresh shares the process (src/analytics/pace.ts): it gives way to waiting work between units
 * (on SQLite every query is synchronous, so without that nothing else ran until it ended), and a
 * server shutting down stops it at its next pause without moving the mark.
 */
describeEachDialect('analytics refresh pace', (dialect) => {
  let t: TestApp;
  const clock = fakeClock(new Date('2026-11-20T12:00:00Z'));
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    const db = t.deps.db;
    const users = await Promise.all(Array.from({ length: 3 }, () => makeUser(db)));
    const communities = await Promise.all(users.map((u) => makeCommunity(db, u.id)));
    // Activity in three communities over three months: several units of work for every step.
    const rows = communities.flatMap((c, i) =>
      ['2026-09-10', '2026-10-10', '2026-11-10'].map((day) => ({ actor_id: users[i]!.id, verb: 'topic.created', community_id: c.id, subject_type: 'topic', subject_id: null, data: '{"kind":"question"}', created_at: `${day}T10:00:00.000Z` })),
    );
    await db.insertInto('activity').values(rows).execute();
  });
  afterAll(async () => t.close());

  it('stops at its next pause when the server stops, leaving the mark where it was; the next refresh does the work', async () => {
    const before = await lastRefresh(t.deps.db);
    const running = refreshShared(t.deps);
    await stopRefresh(t.deps.db);
    await expect(running).rejects.toBeInstanceOf(RefreshStopped);
    expect(await lastRefresh(t.deps.db)).toEqual(before);
    const done = await refreshShared(t.deps);
    expect(done?.rows).toBeGreaterThanOrEqual(9);
    expect((await lastRefresh(t.deps.db))?.refreshedAt).toBe(clock.now().toISOString());
    const months = await t.deps.db.selectFrom('analytics_community_months').select(['community_id', 'month']).where('month', 'in', ['2026-09', '2026-10', '2026-11']).execute();
    expect(months.length).toBeGreaterThanOrEqual(9);
  });

  it('lets work waiting on the event loop run before the refresh ends', async () => {
    await t.deps.db.insertInto('activity').values({ actor_id: null, verb: 'topic.created', community_id: null, subject_type: 'topic', subject_id: null, data: '{}', created_at: clock.now().toISOString() }).execute();
    const order: string[] = [];
    // Work already waiting for the event loop (as a request's I/O callback would be): without the
    // refresh's pauses, SQLite's synchronous queries finish the whole refresh in microtasks first.
    setImmediate(() => order.push('waiting'));
    await refreshShared(t.deps).then(() => order.push('refresh'));
    expect(order).toEqual(['waiting', 'refresh']);
  });
});
