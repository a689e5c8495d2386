import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countingTestApp, queriesFor, type QueryCounter } from '../../../test/helpers/query-count.ts';
import { recordStoryVia } from './value.fixtures.ts';

describeEachDialect('value pages cost the same queries however many stories there are', (dialect) => {
  let t: TestApp & { queries: QueryCounter };
  beforeAll(async () => {
    t = await countingTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('lists stories, shows the matrix and the report with a bounded number of queries (no query per story)', async () => {
    const steward = await makeUser(t.deps.db);
    const member = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, steward.id);
    await addMember(t.deps.db, c.id, member.id);
    const as = await signInAs(t, member.id);
    const topic = Number((await t.deps.db.insertInto('topics').values({ community_id: c.id, author_id: member.id, kind: 'question', title: 'Q', reply_count: 0, last_posted_at: new Date().toISOString(), created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id);
    const urls = [`/c/${c.slug}/value-stories`, `/c/${c.slug}/health/value`, `/c/${c.slug}/health/report`, `/api/v1/communities/${c.slug}/value-stories`];
    const cost = async () => {
      for (const url of urls) await queriesFor(t, url, as.cookie); // brings the rollups up to date with the new stories' activity
      const out: number[] = [];
      for (const url of urls) {
        const r = await queriesFor(t, url, as.cookie);
        expect(r.status, url).toBe(200);
        out.push(r.queries);
      }
      return out;
    };
    for (let i = 0; i < 5; i++) await recordStoryVia(t, as, c.slug, { title: `Story ${i}`, applied: 'x', topics: [topic] });
    const few = await cost();
    for (let i = 5; i < 17; i++) await recordStoryVia(t, as, c.slug, { title: `Story ${i}`, realized: 'y', topics: [topic] });
    const many = await cost();
    expect(many).toEqual(few);
  });
});
