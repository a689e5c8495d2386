import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { discussionsWorld, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('the topic page and post order', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let topic: { id: number; openingPostId: number };
  const a: Record<'first' | 'second' | 'third', number> = { first: 0, second: 0, third: 0 };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question', title: 'Which stone first?', body: 'I have **three** stones.', tags: ['stones'] });
    a.first = (await replyVia(t, w.as.steward, topic.id, 'First answer')).id;
    a.second = (await replyVia(t, w.as.steward, topic.id, 'Second answer')).id;
    a.third = (await replyVia(t, w.as.steward, topic.id, 'Third answer')).id;
    const db = t.deps.db;
    for (const [id, score] of [[a.first, 5], [a.second, 1], [a.third, 9]] as const) await db.updateTable('posts').set({ score }).where('id', '=', id).execute();
    await db.updateTable('topics').set({ accepted_post_id: a.second }).where('id', '=', topic.id).execute();
  });
  afterAll(async () => t.close());

  const order = async (query: string) => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(t, 'GET', `/api/v1/topics/${topic.id}/posts?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      ids.push(...res.json().items.map((p: { id: number }) => p.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    return ids;
  };

  describe('GET /api/v1/topics/:id/posts', () => {
    it('sorts answers by votes by default, the accepted one first after the opening post, across pages', async () => {
      expect(await order('')).toEqual([topic.openingPostId, a.second, a.third, a.first]);
      expect(await order('&sort=votes')).toEqual([topic.openingPostId, a.second, a.third, a.first]);
    });

    it('sorts answers by time on ?sort=time, the accepted one still first', async () => {
      expect(await order('&sort=time')).toEqual([topic.openingPostId, a.second, a.first, a.third]);
    });

    it('breaks equal scores by time', async () => {
      await t.deps.db.updateTable('posts').set({ score: 9 }).where('id', '=', a.first).execute();
      expect(await order('&sort=votes')).toEqual([topic.openingPostId, a.second, a.first, a.third]);
      await t.deps.db.updateTable('posts').set({ score: 5 }).where('id', '=', a.first).execute();
    });

    it('rejects an unknown sort with 400 naming sort', async () => {
      const res = await api(t, 'GET', `/api/v1/topics/${topic.id}/posts?sort=best`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('sort');
    });
  });

  describe('GET /c/:slug/t/:id', () => {
    const page = async (q = '', cookie = w.as.member.cookie) => (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}${q}`, headers: { cookie } })).body;
    const positions = (body: string) => [a.first, a.second, a.third].map((id) => body.indexOf(`id="post-${id}"`));

    it('shows breadcrumb, kind, Solved badge, title, tags, the rendered opening post and answers with authors and times', async () => {
      const body = await page();
      expect(body).toContain('<nav aria-label="Breadcrumb">');
      expect(body).toContain('<span class="badge badge--question">Question</span>');
      expect(body).toContain('<span class="badge badge--solved">Solved</span>');
      expect(body).toContain('<h1 id="topic-title">Which stone first?</h1>');
      expect(body).toContain(`<a class="tag" href="/c/${w.pub.slug}/tags/stones">stones</a>`);
      expect(body).toContain('<p>I have <strong>three</strong> stones.</p>');
      expect(body).toContain('<h2 id="posts-heading">3 Answers</h2>');
      expect(body).toMatch(/class="avatar avatar--sm/);
      expect(body).toMatch(/<time datetime="/);
      expect(body).toContain('<h2 id="reply-heading">Your answer</h2>');
      expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    });

    it('orders answers by votes by default and by time on ?sort=time, the accepted one first in both', async () => {
      const [first, second, third] = positions(await page());
      expect(second).toBeLessThan(third!);
      expect(third).toBeLessThan(first!);
      const byTime = positions(await page('?sort=time'));
      expect(byTime[1]).toBeLessThan(byTime[0]!);
      expect(byTime[0]).toBeLessThan(byTime[2]!);
      expect(await page('?sort=time')).toContain(`<a href="/c/${w.pub.slug}/t/${topic.id}?sort=time" aria-current="true">Oldest first</a>`);
    });

    it('marks an edited post with a link to its history', async () => {
      const tid = (await startTopicVia(t, w.as.member, w.pub.slug)).id;
      const reply = await replyVia(t, w.as.member, tid, 'Before');
      expect((await t.app.inject({ url: `/c/${w.pub.slug}/t/${tid}` })).body).not.toContain('edited <time');
      await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { body: 'After' }, w.as.member);
      const body = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${tid}` })).body;
      expect(body).toMatch(new RegExp(`<a href="/c/${w.pub.slug}/t/${tid}/posts/${reply.id}/revisions">edited <time`));
    });

    it('answers a question posted through the form on the page where it shows, sorted by time', async () => {
      const res = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'A fourth answer' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/c/${w.pub.slug}/t/${topic.id}\\?sort=time#post-\\d+$`));
    });
  });
});
