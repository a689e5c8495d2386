import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../core/app.ts';
import type { Clock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { anonymousBrowser, api, buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { relatedWorld } from './related.fixtures.ts';
import { relatedRankingStats, settleRelatedRankings } from './related.rankings.ts';

type Item = { type: string; id: number };

/** Counts the full-text ranking statements this thread sends (FTS5 `search_fts` on SQLite, `ts_rank_cd` on PostgreSQL). */
class FtsWatch implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Full-text queries only: adding waiting documents to FTS5 (search.flush.ts) writes it, and is not a ranking.
    if (/search_fts match|ts_rank_cd/.test(JSON.stringify(args.node))) this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** Another app (another node, or this one restarted) on the same database: its own memory, worker and queue. */
async function nodeOnSameDb(t: TestApp, clock: Clock, env: Record<string, string> = {}) {
  const fts = new FtsWatch();
  const deps = { ...t.deps, clock, db: t.deps.db.withPlugin(fts), config: { ...t.deps.config, ...loadConfigOverrides(env) } };
  const app = await buildApp(deps);
  await app.ready();
  return { app, deps, fts, sent: [], close: () => app.close() } satisfies TestApp & { fts: FtsWatch };
}

const loadConfigOverrides = (env: Record<string, string>) => {
  const c = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return { relatedDefer: c.relatedDefer, relatedWorker: c.relatedWorker, relatedCacheSeconds: c.relatedCacheSeconds };
};

const related = async (t: TestApp, id: number) => {
  const res = await api(t, 'GET', `/api/v1/topics/${id}/related?limit=50`, undefined, anonymousBrowser());
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Item[] }).items;
};
const has = (items: Item[], type: string, id: number) => items.some((i) => i.type === type && i.id === id);

/**
 * Rankings are kept in `related_rankings` (issue 6): computed once, read by every node and after a
 * restart, served while stale and ranked again behind; on SQLite they are computed in a worker thread.
 */
describeEachDialect('related rankings kept in the database', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof relatedWorld>>;
  const start = new Date('2026-11-01T09:00:00Z');
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(start) });
    w = await relatedWorld(t);
  });
  afterAll(async () => t.close());

  it('ranks a topic once; a fresh app on the same database reads it from the table without ranking again', async () => {
    const first = await nodeOnSameDb(t, fakeClock(start));
    try {
      const items = await related(first, w.knife.id);
      expect(has(items, 'topic', w.grit.id)).toBe(true);
      expect(relatedRankingStats(first.deps.db).computed).toBe(1);
      const rows = await t.deps.db.selectFrom('related_rankings').selectAll().where('topic_id', '=', w.knife.id).execute();
      expect(rows).toHaveLength(1);
    } finally {
      await first.close();
    }
    const restarted = await nodeOnSameDb(t, fakeClock(new Date(start.getTime() + 60_000)));
    try {
      const again = await related(restarted, w.knife.id);
      expect(has(again, 'topic', w.grit.id)).toBe(true);
      await settleRelatedRankings(restarted.deps.db);
      expect(relatedRankingStats(restarted.deps.db).computed).toBe(0);
      expect(restarted.fts.count).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('serves a row older than RELATED_CACHE_SECONDS as it is, ranks it again behind, and serves the new one next', async () => {
    // A stale row that lists only the article: what is served must be this row, not a fresh ranking.
    const old = new Date(start.getTime() - 3_600_000).toISOString();
    await t.deps.db
      .updateTable('related_rankings')
      .set({ ranked: JSON.stringify([{ kind: 'article', id: w.article.id, communityId: w.pub.id, score: 1 }]), computed_at: old })
      .where('topic_id', '=', w.knife.id)
      .execute();
    const node = await nodeOnSameDb(t, fakeClock(start));
    try {
      const served = await related(node, w.knife.id);
      expect(served.map((i) => `${i.type}:${i.id}`)).toEqual([`article:${w.article.id}`]);
      await settleRelatedRankings(node.deps.db);
      expect(relatedRankingStats(node.deps.db).computed).toBe(1);
      const row = await t.deps.db.selectFrom('related_rankings').select('computed_at').where('topic_id', '=', w.knife.id).executeTakeFirstOrThrow();
      expect(row.computed_at).toBe(start.toISOString());
      expect(has(await related(node, w.knife.id), 'topic', w.grit.id)).toBe(true);
    } finally {
      await node.close();
    }
  });

  it('ranks an edited topic again: the old ranking is served once, the new one follows', async () => {
    const node = await nodeOnSameDb(t, fakeClock(start));
    try {
      expect(has(await related(node, w.knife.id), 'topic', w.grit.id)).toBe(true);
      const edited = await api(node, 'PATCH', `/api/v1/posts/${w.knife.openingPostId}`, { title: 'Sourdough starter smells of acetone after feeding', body: 'My sourdough starter smells like nail polish remover. Hungry starter?', tags: ['bread'] }, w.as.member);
      expect(edited.statusCode).toBe(200);
      const before = relatedRankingStats(node.deps.db).computed;
      expect(has(await related(node, w.knife.id), 'topic', w.grit.id)).toBe(true);
      await settleRelatedRankings(node.deps.db);
      expect(relatedRankingStats(node.deps.db).computed).toBe(before + 1);
      const after = await related(node, w.knife.id);
      expect(after[0]).toEqual(expect.objectContaining({ type: 'topic', id: w.sourdough.id }));
    } finally {
      await node.close();
    }
  });

  it('shows "Related" on the first page view of a topic ranked before (RELATED_DEFER reads the table)', async () => {
    const node = await nodeOnSameDb(t, fakeClock(start), { RELATED_DEFER: '1' });
    try {
      const page = await node.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${w.grit.id}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<details class="related">');
      await settleRelatedRankings(node.deps.db);
      const fresh = await nodeOnSameDb(t, fakeClock(start), { RELATED_DEFER: '1' });
      try {
        const again = await fresh.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${w.grit.id}` });
        expect(again.body).toContain('<details class="related">');
        expect(relatedRankingStats(fresh.deps.db).computed).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      await node.close();
    }
  });

  it('the topic page and the API share one kept ranking (the page builds the same source from what it read)', async () => {
    await t.deps.db.deleteFrom('related_rankings').execute();
    const node = await nodeOnSameDb(t, fakeClock(start), { RELATED_DEFER: '0' });
    try {
      const page = await node.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${w.grit.id}` });
      expect(page.body).toContain('<details class="related">');
      expect(relatedRankingStats(node.deps.db).computed).toBe(1);
      const fresh = await nodeOnSameDb(t, fakeClock(start));
      try {
        // The default limit (10) ranks as deep as the page (30); ?limit=50 is a deeper ranking of its own.
        const res = await api(fresh, 'GET', `/api/v1/topics/${w.grit.id}/related`);
        expect((res.json() as { items: Item[] }).items.length).toBeGreaterThan(0);
        await settleRelatedRankings(fresh.deps.db);
        expect(relatedRankingStats(fresh.deps.db).computed).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      await node.close();
    }
  });

  it('ranks once for everyone asking at the same time', async () => {
    await t.deps.db.deleteFrom('related_rankings').execute();
    const node = await nodeOnSameDb(t, fakeClock(start));
    try {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => related(node, w.grit.id)));
      expect(answers[0]!.length).toBeGreaterThan(0);
      for (const items of answers) expect(items).toEqual(answers[0]);
      expect(relatedRankingStats(node.deps.db).computed).toBe(1);
    } finally {
      await node.close();
    }
  });

  describe('where rankings are computed', () => {
    it(dialect === 'sqlite' ? 'in the worker thread: this thread sends no full-text query' : 'in process: PostgreSQL queries do not block', async () => {
      await t.deps.db.deleteFrom('related_rankings').execute();
      const node = await nodeOnSameDb(t, fakeClock(start));
      try {
        expect(has(await related(node, w.knife.id), 'topic', w.sourdough.id)).toBe(true);
        const stats = relatedRankingStats(node.deps.db);
        expect(stats.computed).toBe(1);
        expect(stats.inWorker).toBe(dialect === 'sqlite' ? 1 : 0);
        if (dialect === 'sqlite') expect(node.fts.count).toBe(0);
        else expect(node.fts.count).toBeGreaterThan(0);
      } finally {
        await node.close();
      }
    });

    it('in process with RELATED_WORKER=0 (this thread then sends the full-text queries)', async () => {
      await t.deps.db.deleteFrom('related_rankings').execute();
      const node = await nodeOnSameDb(t, fakeClock(start), { RELATED_WORKER: '0' });
      try {
        expect(has(await related(node, w.knife.id), 'topic', w.sourdough.id)).toBe(true);
        expect(relatedRankingStats(node.deps.db)).toEqual({ computed: 1, inWorker: 0 });
        expect(node.fts.count).toBeGreaterThan(0);
      } finally {
        await node.close();
      }
    });
  });
});
