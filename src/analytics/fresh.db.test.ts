import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { ensureFresh, perRefresh, refreshShared } from './fresh.ts';
import { lastRefresh } from './refresh.ts';

describeEachDialect('ensureFresh', (dialect) => {
  let t: TestApp;
  const clock = fakeClock(new Date('2026-11-20T12:00:00Z'));
  let act: () => Promise<void>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock, env: { ANALYTICS_STALE_SECONDS: '60' } });
    const u = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, u.id);
    act = async () => {
      await t.deps.db.insertInto('activity').values({ actor_id: u.id, verb: 'topic.created', community_id: c.id, subject_type: 'topic', subject_id: null, data: '{"kind":"discussion"}', created_at: clock.now().toISOString() }).execute();
    };
  });
  afterAll(async () => t.close());

  it('refreshes when the rollups are older than ANALYTICS_STALE_SECONDS, and concurrent views share one refresh', async () => {
    await act();
    const [a, b] = await Promise.all([ensureFresh(t.deps), ensureFresh(t.deps)]);
    expect(a).toBe('2026-11-20T12:00:00.000Z');
    expect(b).toBe(a);
    const mark = (await lastRefresh(t.deps.db))!.lastActivityId;
    await act();
    clock.advance(30_000);
    expect(await ensureFresh(t.deps)).toBe(a); // 30 s old: kept
    expect((await lastRefresh(t.deps.db))!.lastActivityId).toBe(mark);
    // 61 s old: shown at once, refreshed behind the page.
    clock.advance(31_000);
    expect(await ensureFresh(t.deps)).toBe(a);
    await refreshShared(t.deps); // the refresh started behind the page (or a no-op when it is done)
    expect((await lastRefresh(t.deps.db))!.lastActivityId).toBeGreaterThan(mark);
    expect(await ensureFresh(t.deps)).toBe('2026-11-20T12:01:01.000Z');
  });

  it('computes a view once per refresh, and again for the new figures right after a refresh, before anyone asks', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const r1 = await ensureFresh(t.deps);
    expect(await perRefresh(t.deps, r1, 'test-view', compute)).toBe(1);
    expect(await perRefresh(t.deps, r1, 'test-view', compute)).toBe(1); // kept until the next refresh
    await act();
    clock.advance(61_000);
    const r2 = (await refreshShared(t.deps))!.refreshedAt;
    expect(r2).not.toBe(r1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(computed).toBe(2); // recomputed by the refresh, before anyone asked
    expect(await perRefresh(t.deps, r2, 'test-view', compute)).toBe(2); // and found, not computed again
    expect(computed).toBe(2);
  });

  it('waits for the refresh when the figures are very stale (over 15 minutes)', async () => {
    await act();
    const before = (await lastRefresh(t.deps.db))!;
    clock.advance(16 * 60_000);
    expect(await ensureFresh(t.deps)).toBe(clock.now().toISOString());
    expect((await lastRefresh(t.deps.db))!.lastActivityId).toBeGreaterThan(before.lastActivityId);
  });

  // PostgreSQL only (defined only there): SQLite has one writer per file and no advisory locks; this is about several nodes.
  if (dialect === 'postgres') it('leaves the refresh to another node holding the lock, showing the figures as they were', async () => {
    await act();
    clock.advance(16 * 60_000); // stale enough that a view would wait for the refresh
    const before = (await lastRefresh(t.deps.db))!;
    await t.deps.db.connection().execute(async (other) => {
      const key = sql`hashtext(current_schema() || ':guildhall-analytics')`;
      await sql`select pg_advisory_lock(${key})`.execute(other);
      try {
        expect(await ensureFresh(t.deps)).toBe(before.refreshedAt);
        expect((await lastRefresh(t.deps.db))!.lastActivityId).toBe(before.lastActivityId);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(other);
      }
    });
    expect(await ensureFresh(t.deps)).toBe(clock.now().toISOString());
    expect((await lastRefresh(t.deps.db))!.lastActivityId).toBeGreaterThan(before.lastActivityId);
  });
});
