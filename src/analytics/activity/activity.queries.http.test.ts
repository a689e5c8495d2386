import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countingTestApp, queriesFor } from '../../../test/helpers/query-count.ts';
import { contribute, joinAt } from './activity.fixtures.ts';
import { history } from './activity.world.ts';

describeEachDialect('activity and participation read paths', (dialect) => {
  let t: Awaited<ReturnType<typeof countingTestApp>>;
  beforeAll(async () => {
    t = await countingTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('cost the same number of queries however many members and contributions there are', async () => {
    const w = await history(t.deps.db);
    const steward = await signInAs(t, w.stew.id);
    const urls = [`/c/${w.c.slug}/health/activity`, `/c/${w.c.slug}/health/participation`, `/api/v1/communities/${w.c.slug}/health/participation`];
    const measure = async () => {
      const out: number[] = [];
      for (const url of urls) {
        await queriesFor(t, url, steward.cookie); // brings the rollups up to date first
        const r = await queriesFor(t, url, steward.cookie);
        expect(r.status, url).toBe(200);
        out.push(r.queries);
      }
      return out;
    };
    const small = await measure();
    // Thirty more members, contributing within the last weeks (this app runs on the real clock), so the
    // named lists of the window's last month fill up.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    for (let i = 0; i < 30; i += 1) {
      const u = await makeUser(t.deps.db);
      await joinAt(t.deps.db, w.c.id, u.id, daysAgo(90));
      for (const n of [1, 2, 3]) await contribute(t.deps.db, u.id, w.c.id, i % 2 ? 'reply' : 'answer', daysAgo(n));
    }
    expect(await measure()).toEqual(small);
    const named = await t.app.inject({ method: 'GET', url: urls[2]!, headers: { cookie: steward.cookie } });
    expect(named.json().members.active).toHaveLength(30);
  });
});
