import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { TableWatch } from '../../../test/helpers/query-count.ts';
import { KNOWLEDGE_NOW, knowledgeWorld } from './knowledge.world.ts';

describeEachDialect('knowledge health read path', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof knowledgeWorld>>;
  let as: { steward: Browser; member: Browser };
  const watch = new TableWatch('activity');
  beforeAll(async () => {
    // Figures stay fresh for an hour, so only the first view refreshes the rollups.
    t = await buildTestApp(dialect, { clock: fakeClock(KNOWLEDGE_NOW), env: { ANALYTICS_STALE_SECONDS: '3600' }, wrapDb: (db) => db.withPlugin(watch) });
    w = await knowledgeWorld(t.deps.db);
    as = { steward: await signInAs(t, w.sara.id), member: await signInAs(t, w.ben.id) };
    expect((await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge`, undefined, as.member)).statusCode).toBe(200);
    // The watch sees the stream: the first view's refresh read it.
    expect(watch.naming).toBeGreaterThan(0);
  });
  afterAll(async () => t.close());

  it('reads rollups only: no statement touches the activity stream once the figures are fresh', async () => {
    for (const b of [as.member, as.steward]) {
      watch.naming = 0;
      for (const url of [`/api/v1/communities/${w.guild.slug}/health/knowledge?months=36`, `/c/${w.guild.slug}/health/knowledge`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
        expect(res.statusCode, url).toBe(200);
      }
      expect(watch.naming).toBe(0);
    }
  });

  it('costs a fixed number of statements for aggregates, however long the window', async () => {
    const cost = async (months: number) => {
      const before = watch.statements;
      await api(t, 'GET', `/api/v1/communities/${w.guild.slug}/health/knowledge?months=${months}`, undefined, as.member);
      return watch.statements - before;
    };
    const short = await cost(1);
    expect(await cost(36)).toBe(short);
    expect(short).toBeLessThanOrEqual(15);
  });
});
