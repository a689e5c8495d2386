import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { TableWatch } from '../../../test/helpers/query-count.ts';
import { newcomersWorld } from '../newcomers/newcomers.world.ts';
import { RESP_NOW, responsivenessWorld } from './responsiveness.world.ts';

describeEachDialect('responsiveness and newcomers read path', (dialect) => {
  let t: TestApp;
  let slugs: { resp: string; nc: string };
  let as: { steward: Browser; member: Browser };
  const watch = new TableWatch('activity');
  beforeAll(async () => {
    // Figures stay fresh for an hour, so only the first view refreshes the rollups.
    t = await buildTestApp(dialect, { clock: fakeClock(RESP_NOW), env: { ANALYTICS_STALE_SECONDS: '3600' }, wrapDb: (db) => db.withPlugin(watch) });
    const r = await responsivenessWorld(t.deps.db);
    const n = await newcomersWorld(t.deps.db);
    slugs = { resp: r.c.slug, nc: n.c.slug };
    as = { steward: await signInAs(t, n.steward.id), member: await signInAs(t, r.member.id) };
    expect((await api(t, 'GET', `/api/v1/communities/${slugs.resp}/health/responsiveness`, undefined, as.member)).statusCode).toBe(200);
    expect(watch.naming).toBeGreaterThan(0); // the first view's refresh read the stream
  });
  afterAll(async () => t.close());

  it('reads rollups only: no statement touches the activity stream once the figures are fresh', async () => {
    for (const b of [as.member, as.steward]) {
      watch.naming = 0;
      for (const url of [
        `/api/v1/communities/${slugs.resp}/health/responsiveness?months=36`,
        `/c/${slugs.resp}/health/responsiveness`,
        `/c/${slugs.resp}/health/responsiveness/by-discipline.csv`,
        `/api/v1/communities/${slugs.nc}/health/newcomers?months=36`,
        `/c/${slugs.nc}/health/newcomers`,
        `/c/${slugs.nc}/health/newcomers/cohorts.csv`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
        expect(res.statusCode, url).toBe(200);
      }
      expect(watch.naming).toBe(0);
    }
  });

  it('costs a fixed number of statements however long the window and whoever asks', async () => {
    const cost = async (url: string, b: Browser) => {
      const before = watch.statements;
      expect((await api(t, 'GET', url, undefined, b)).statusCode).toBe(200);
      return watch.statements - before;
    };
    for (const section of ['responsiveness', 'newcomers']) {
      const slug = section === 'responsiveness' ? slugs.resp : slugs.nc;
      // Windows not viewed before (a view is computed once per refresh and window, then kept).
      const short = await cost(`/api/v1/communities/${slug}/health/${section}?months=1`, as.member);
      expect(await cost(`/api/v1/communities/${slug}/health/${section}?months=35`, as.member), section).toBe(short);
      expect(await cost(`/api/v1/communities/${slug}/health/${section}?months=34`, as.steward), section).toBe(short);
      expect(short, section).toBeLessThanOrEqual(10);
      // The same view again, before the next refresh: the kept figures, not one statement more.
      expect(await cost(`/api/v1/communities/${slug}/health/${section}?months=35`, as.member), section).toBeLessThan(short);
    }
  });
});
