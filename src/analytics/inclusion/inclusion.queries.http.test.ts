import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countingTestApp, queriesFor } from '../../../test/helpers/query-count.ts';
import { comments, joinAt } from './inclusion.fixtures.ts';

/*
 * The inclusion section reads grouped rows, never one query per member or category: a community of 40
 * members over 8 disciplines costs the same number of queries as one of 3 members (counts, not timings).
 */
describeEachDialect('inclusion: queries per request stay bounded', (dialect) => {
  let t: Awaited<ReturnType<typeof countingTestApp>>;
  let small: string;
  let large: string;

  async function community(members: number): Promise<string> {
    const db = t.deps.db;
    const steward = await makeUser(db);
    const c = await makeCommunity(db, steward.id);
    const month = new Date().toISOString().slice(0, 7);
    for (let i = 0; i < members; i++) {
      const u = await makeUser(db, { discipline: `Discipline ${i % 8}`, location: `Place ${i % 5}`, org_unit: `Unit ${i % 3}` });
      await joinAt(db, c.id, u.id, `2025-0${1 + (i % 9)}-01T00:00:00.000Z`);
      if (i % 2 === 0) await comments(db, u.id, c.id, `${month}-01T00:00:00.000Z`);
    }
    return c.slug;
  }

  beforeAll(async () => {
    t = await countingTestApp(dialect);
    small = await community(3);
    large = await community(40);
  });
  afterAll(async () => t.close());

  it('costs the same queries for 3 members as for 40, on the API, the page and a CSV', async () => {
    for (const path of ['/api/v1/communities/:slug/health/inclusion', '/c/:slug/health/inclusion', '/c/:slug/health/inclusion/categories.csv']) {
      // The first request brings the rollups up to date; the next ones only read.
      await queriesFor(t, path.replace(':slug', small));
      await queriesFor(t, path.replace(':slug', large));
      const a = await queriesFor(t, path.replace(':slug', small));
      const b = await queriesFor(t, path.replace(':slug', large));
      expect(a.status, path).toBe(200);
      expect(b.status, path).toBe(200);
      expect(b.queries, path).toBe(a.queries);
      expect(a.queries, path).toBeLessThanOrEqual(20);
    }
  });
});
