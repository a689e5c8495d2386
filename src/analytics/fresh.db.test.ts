import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { ensureFresh } from './fresh.ts';
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
    clock.advance(31_000);
    expect(await ensureFresh(t.deps)).toBe('2026-11-20T12:01:01.000Z');
    expect((await lastRefresh(t.deps.db))!.lastActivityId).toBeGreaterThan(mark);
  });

  // PostgreSQL only (defined only there): SQLite has one writer per file and no advisory locks; this is about several nodes.
  if (dialect === 'postgres') it('leaves the refresh to another node holding the lock, showing the figures as they were', async () => {
    await act();
    clock.advance(120_000);
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
