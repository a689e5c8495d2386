import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { QueryCounter } from '../../../test/helpers/query-count.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { relatedWorld } from './related.fixtures.ts';
import { relatedRankingStats, settleRelatedRankings } from './related.rankings.ts';

type Item = { type: string; id: number };

/**
 * The related ranking is reused for RELATED_CACHE_SECONDS per topic, one for every reader (issue 6:
 * ranking on every view cost ~0.3 s at 1M posts), but what is shown is checked against the viewer on
 * every request. (Kept in the database: related.kept.http.test.ts.)
 */
describeEachDialect('related ranking cache', (dialect) => {
  const counting = async (env: Record<string, string> = {}) => {
    const queries = new QueryCounter();
    const t = await buildTestApp(dialect, { clock: tickingClock(), env, wrapDb: (db) => db.withPlugin(queries) });
    return Object.assign(t, { queries });
  };
  const related = async (t: TestApp & { queries: QueryCounter }, id: number, as = anonymousBrowser()) => {
    const before = t.queries.count;
    const res = await api(t, 'GET', `/api/v1/topics/${id}/related?limit=50`, undefined, as);
    expect(res.statusCode).toBe(200);
    return { items: (res.json() as { items: Item[] }).items, queries: t.queries.count - before };
  };

  let cached: TestApp & { queries: QueryCounter };
  let w: Awaited<ReturnType<typeof relatedWorld>>;
  beforeAll(async () => {
    cached = await counting();
    w = await relatedWorld(cached);
  });
  afterAll(async () => cached.close());

  it('ranks once: a second view of the same topic costs fewer queries and lists the same items', async () => {
    const first = await related(cached, w.knife.id);
    const second = await related(cached, w.knife.id);
    expect(second.items).toEqual(first.items);
    expect(second.queries).toBeLessThan(first.queries);
    expect(relatedRankingStats(cached.deps.db).computed).toBe(1);
    expect(first.items.some((i) => i.type === 'topic' && i.id === w.grit.id)).toBe(true);
  });

  it('keeps one ranking per set of readable communities: a member still sees the private topic', async () => {
    await related(cached, w.knife.id, w.as.outsider);
    const { items } = await related(cached, w.knife.id, w.as.member);
    expect(items.some((i) => i.type === 'topic' && i.id === w.hidden.id)).toBe(true);
    const outsider = await related(cached, w.knife.id, w.as.outsider);
    expect(outsider.items.some((i) => i.id === w.hidden.id && i.type === 'topic')).toBe(false);
  });

  it('drops a cached result at once when it moves into a private community', async () => {
    expect((await related(cached, w.knife.id)).items.some((i) => i.type === 'topic' && i.id === w.grit.id)).toBe(true);
    const moved = await api(cached, 'POST', `/api/v1/topics/${w.grit.id}/move`, { community: w.secret.slug }, w.as.steward);
    expect(moved.statusCode).toBe(200);
    const after = await related(cached, w.knife.id);
    expect(after.items.some((i) => i.type === 'topic' && i.id === w.grit.id)).toBe(false);
  });

  it('with RELATED_DEFER shows a topic not ranked yet without "Related", ranks it right after, and shows it next time', async () => {
    const t = await counting({ RELATED_DEFER: '1' });
    try {
      const world = await relatedWorld(t);
      const url = `/c/${world.pub.slug}/t/${world.knife.id}`;
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('How do I sharpen a kitchen knife');
      expect(page.body).not.toContain('<details class="related">');
      await settleRelatedRankings(t.deps.db);
      const later = (await t.app.inject({ method: 'GET', url })).body;
      expect(later).toContain('<details class="related">');
      expect(later).toContain(`/c/${world.pub.slug}/t/${world.grit.id}`);
      // The API still ranks and answers in full.
      expect((await related(t, world.knife.id)).items.some((i) => i.type === 'topic' && i.id === world.grit.id)).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('ranks on every view and keeps nothing when RELATED_CACHE_SECONDS is 0', async () => {
    const t = await counting({ RELATED_CACHE_SECONDS: '0' });
    try {
      const world = await relatedWorld(t);
      const first = await related(t, world.knife.id);
      const second = await related(t, world.knife.id);
      expect(second.items).toEqual(first.items);
      expect(relatedRankingStats(t.deps.db).computed).toBe(2);
      expect(await t.deps.db.selectFrom('related_rankings').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
