import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings, parsePage } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { relatedWorld } from './related.fixtures.ts';

type Item = { type: string; id: number; title: string; url: string; community: string; reason: string };

describeEachDialect('GET /api/v1/topics/:id/related', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof relatedWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await relatedWorld(t);
  });
  afterAll(async () => t.close());

  const related = async (id: number, as = w.as.outsider, query = '') => {
    const res = await api(t, 'GET', `/api/v1/topics/${id}/related${query}`, undefined, as);
    return { status: res.statusCode, items: res.statusCode === 200 ? (res.json() as { items: Item[] }).items : [], body: res.body };
  };

  it('ranks the obviously related topic first, lists the related article, never the topic itself', async () => {
    const { status, items } = await related(w.knife.id);
    expect(status).toBe(200);
    // The whetstone topic and the whetstone article share most words with it; they lead, in either order.
    expect(items.filter((i) => i.type === 'topic')[0]).toMatchObject({ id: w.grit.id, url: `/c/${w.pub.slug}/t/${w.grit.id}`, reason: 'similar' });
    expect(items.slice(0, 2).map((i) => `${i.type}:${i.id}`).sort()).toEqual([`article:${w.article.id}`, `topic:${w.grit.id}`]);
    expect(items.some((i) => i.type === 'topic' && i.id === w.knife.id)).toBe(false);
    expect(items.some((i) => i.type === 'topic' && i.id === w.sourdough.id)).toBe(false);
  });

  it('never lists a private community’s topic to a non-member, but does to its members', async () => {
    for (const as of [w.as.outsider, w.as.admin, anonymousBrowser()]) {
      const { items, body } = await related(w.knife.id, as as typeof w.as.outsider, '?limit=50');
      expect(items.some((i) => i.id === w.hidden.id && i.type === 'topic')).toBe(false);
      expect(body).not.toContain('Secret whetstone');
    }
    const { items } = await related(w.knife.id, w.as.member, '?limit=50');
    expect(items.some((i) => i.type === 'topic' && i.id === w.hidden.id)).toBe(true);
  });

  it('answers 404 for a private topic to non-members and for a missing topic', async () => {
    expect((await related(w.hidden.id, w.as.outsider)).status).toBe(404);
    expect((await related(w.hidden.id, anonymousBrowser() as typeof w.as.outsider)).status).toBe(404);
    expect((await related(999_999)).status).toBe(404);
    expect((await related(w.hidden.id, w.as.member)).status).toBe(200);
  });

  it('honours limit (1–50) and rejects anything else with 400 naming the field', async () => {
    expect((await related(w.knife.id, w.as.member, '?limit=1')).items).toHaveLength(1);
    for (const bad of ['0', '51', 'abc', '-3']) {
      const res = await api(t, 'GET', `/api/v1/topics/${w.knife.id}/related?limit=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(JSON.stringify(res.json())).toContain('limit');
    }
    expect((await api(t, 'GET', `/api/v1/topics/${w.knife.id}/related?method=nonsense`)).statusCode).toBe(400);
    expect((await api(t, 'GET', `/api/v1/topics/abc/related`)).statusCode).toBe(400);
  });

  it('puts imported links first, marked as linked', async () => {
    const at = t.deps.clock.now().toISOString();
    const link = await t.deps.db.insertInto('topic_links').values({ community_id: w.pub.id, topic_id: w.sourdough.id, target_topic_id: w.knife.id, kind: 'related', created_at: at }).returning('id').executeTakeFirstOrThrow();
    try {
      expect((await related(w.knife.id)).items[0]).toMatchObject({ type: 'topic', id: w.sourdough.id, reason: 'linked', score: 0 });
      expect((await related(w.sourdough.id)).items[0]).toMatchObject({ id: w.knife.id, reason: 'linked' });
    } finally {
      await t.deps.db.deleteFrom('topic_links').where('id', '=', link.id).execute();
    }
  });

  it('puts topics marked as duplicates first, marked as such', async () => {
    await t.deps.db.updateTable('topics').set({ duplicate_of: w.knife.id }).where('id', '=', w.sourdough.id).execute();
    try {
      const { items } = await related(w.knife.id);
      expect(items[0]).toMatchObject({ type: 'topic', id: w.sourdough.id, reason: 'duplicate' });
      expect((await related(w.sourdough.id)).items[0]).toMatchObject({ id: w.knife.id, reason: 'duplicate' });
    } finally {
      await t.deps.db.updateTable('topics').set({ duplicate_of: null }).where('id', '=', w.sourdough.id).execute();
    }
  });

  it('documents both routes in the OpenAPI document under the related tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string; responses?: Record<string, unknown> }>> };
    for (const [path, method] of [['/api/v1/topics/{id}/related', 'get'], ['/api/v1/communities/{slug}/similar', 'post']] as const) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['related']);
      expect(op?.summary).toEqual(expect.any(String));
      expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
  });

  it('shows up to five related links on the topic page, none from the private community', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${w.knife.id}`, headers: { cookie: w.as.outsider.cookie } });
    expect(res.statusCode).toBe(200);
    expect(pageFindings(parsePage(res.body))).toEqual([]);
    const block = /<details class="related">([\s\S]*?)<\/details>/.exec(res.body)?.[1] ?? '';
    expect(block).toMatch(/<summary>Related \(\d\)<\/summary>/);
    const links = [...block.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toContain(`/c/${w.pub.slug}/t/${w.grit.id}`);
    expect(links).not.toContain(`/c/${w.pub.slug}/t/${w.knife.id}`);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(res.body).not.toContain('Secret whetstone');
  });
});
