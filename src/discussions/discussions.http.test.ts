import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, anonymousBrowser, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { countRows, discussionsWorld, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('discussions API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
  });
  afterAll(async () => t.close());

  const counts = async () => ({ topics: await countRows(t.deps.db, 'topics'), posts: await countRows(t.deps.db, 'posts'), activity: await countRows(t.deps.db, 'activity') });

  describe('POST /api/v1/communities/:slug/topics', () => {
    it('starts a topic with its opening post and records topic.created in the community', async () => {
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: '  Sharpening stones  ', body: 'Which grit\nfirst?', kind: 'question' }, w.as.member);
      expect(res.statusCode).toBe(201);
      const topic = res.json();
      expect(topic).toMatchObject({ title: 'Sharpening stones', kind: 'question', replyCount: 0, body: 'Which grit\nfirst?', community: { slug: w.pub.slug }, author: { id: w.member.id } });
      const act = await t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'topic.created').where('subject_id', '=', topic.id).executeTakeFirstOrThrow();
      expect(act.community_id).toBe(w.pub.id);
      expect(act.actor_id).toBe(w.member.id);
      const posts = await t.deps.db.selectFrom('posts').selectAll().where('topic_id', '=', topic.id).execute();
      expect(posts).toHaveLength(1);
    });

    it('defaults the kind to discussion', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      expect(topic).toMatchObject({ kind: 'discussion' });
    });

    const bad: Array<[string, string, Record<string, unknown>]> = [
      ['an empty title', 'title', { title: '', body: 'Text' }],
      ['a title of only spaces', 'title', { title: '   ', body: 'Text' }],
      ['an oversized title', 'title', { title: 'x'.repeat(201), body: 'Text' }],
      ['a missing title', 'title', { body: 'Text' }],
      ['an empty body', 'body', { title: 'Title', body: '' }],
      ['a body of only line breaks', 'body', { title: 'Title', body: '\n\n ' }],
      ['an oversized body', 'body', { title: 'Title', body: 'x'.repeat(50_001) }],
      ['an unknown kind', 'kind', { title: 'Title', body: 'Text', kind: 'poll' }],
    ];
    for (const [what, field, payload] of bad) {
      it(`rejects ${what} with 400 naming ${field} and writes nothing`, async () => {
        const before = await counts();
        const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, payload, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await counts()).toEqual(before);
      });
    }

    it('refuses a signed-in non-member of a public community with 403 and writes nothing', async () => {
      const before = await counts();
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'Hello', body: 'Text' }, w.as.outsider);
      expect(res.statusCode).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('refuses anonymous callers with 401, even with a bad body, and writes nothing', async () => {
      const before = await counts();
      expect((await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'Hello', body: 'Text' })).statusCode).toBe(401);
      expect((await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: '' })).statusCode).toBe(401);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for a private community the caller is not a member of, admin included', async () => {
      for (const who of [w.as.outsider, w.as.admin]) {
        const res = await api(t, 'POST', `/api/v1/communities/${w.secret.slug}/topics`, { title: 'Hello', body: 'Text' }, who);
        expect(res.statusCode).toBe(404);
      }
    });
  });

  describe('POST /api/v1/topics/:id/posts', () => {
    it('adds a reply, counts it, moves last_posted_at and records post.created in the community', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Start with 1000.' }, w.as.member);
      expect(res.statusCode).toBe(201);
      const post = res.json();
      expect(post).toMatchObject({ topicId: topic.id, body: 'Start with 1000.', author: { id: w.member.id } });
      const row = await t.deps.db.selectFrom('topics').selectAll().where('id', '=', topic.id).executeTakeFirstOrThrow();
      expect(row.reply_count).toBe(1);
      expect(row.last_posted_at).toBe(post.createdAt);
      expect(row.last_posted_at > topic.lastPostedAt).toBe(true);
      const act = await t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'post.created').where('subject_id', '=', post.id).executeTakeFirstOrThrow();
      expect(act.community_id).toBe(w.pub.id);
    });

    it('rejects an empty or oversized reply with 400 naming body, writes nothing and leaves the counters alone', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const before = await counts();
      for (const body of ['', '   ', 'x'.repeat(50_001)]) {
        const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].field).toBe('body');
      }
      expect(await counts()).toEqual(before);
      const row = await t.deps.db.selectFrom('topics').selectAll().where('id', '=', topic.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ reply_count: 0, last_posted_at: topic.lastPostedAt });
    });

    it('refuses non-members with 403 and anonymous callers with 401', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const before = await counts();
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Hi' }, w.as.outsider)).statusCode).toBe(403);
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Hi' }, anonymousBrowser())).statusCode).toBe(401);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for a topic that does not exist', async () => {
      expect((await api(t, 'POST', '/api/v1/topics/999999/posts', { body: 'Hi' }, w.as.member)).statusCode).toBe(404);
    });

    it('counts 20 concurrent replies exactly and keeps last_posted_at at the latest post', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: `Reply ${i}` }, i % 2 ? w.as.member : w.as.steward)),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      const row = await t.deps.db.selectFrom('topics').selectAll().where('id', '=', topic.id).executeTakeFirstOrThrow();
      const posts = await t.deps.db.selectFrom('posts').select(['created_at']).where('topic_id', '=', topic.id).execute();
      expect(row.reply_count).toBe(20);
      expect(posts).toHaveLength(21);
      expect(row.last_posted_at).toBe(posts.map((p) => p.created_at).sort().at(-1));
      const acts = await t.deps.db.selectFrom('activity').select('id').where('verb', '=', 'post.created').where((eb) => eb('subject_id', 'in', results.map((r) => r.json().id as number))).execute();
      expect(acts).toHaveLength(20);
    });
  });

  describe('GET /api/v1/communities/:slug/topics', () => {
    it('pages through topics without duplicates or gaps while new topics arrive', async () => {
      const c = await makeCommunity(t.deps.db, w.steward.id, { slug: `paging-${dialect}`, name: 'Paging' });
      await addMember(t.deps.db, c.id, w.member.id);
      const original: number[] = [];
      for (let i = 0; i < 25; i++) original.push((await startTopicVia(t, w.as.member, `paging-${dialect}`, { title: `Old ${i}` })).id);
      const url = `/api/v1/communities/paging-${dialect}/topics?limit=10`;
      const page1 = (await api(t, 'GET', url)).json();
      expect(page1.items).toHaveLength(10);
      for (let i = 0; i < 5; i++) await startTopicVia(t, w.as.member, `paging-${dialect}`, { title: `New ${i}` });
      const page2 = (await api(t, 'GET', `${url}&cursor=${page1.nextCursor}`)).json();
      const page3 = (await api(t, 'GET', `${url}&cursor=${page2.nextCursor}`)).json();
      expect(page3.nextCursor).toBeNull();
      const seen = [...page1.items, ...page2.items, ...page3.items].map((x: { id: number }) => x.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...original].reverse());
    });

    it('filters by kind', async () => {
      await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question', title: 'Is this a question?' });
      const items = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/topics?kind=question&limit=100`)).json().items as Array<{ kind: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.kind === 'question')).toBe(true);
    });

    it('rejects a cursor it did not give out with 400 naming cursor', async () => {
      const res = await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/topics?cursor=nonsense`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('cursor');
    });
  });

  describe('GET /api/v1/topics/:id/posts', () => {
    it('lists the opening post first, then replies, across pages', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Opening' });
      for (let i = 0; i < 3; i++) await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: `Reply ${i}` }, w.as.steward);
      const p1 = (await api(t, 'GET', `/api/v1/topics/${topic.id}/posts?limit=2`)).json();
      const p2 = (await api(t, 'GET', `/api/v1/topics/${topic.id}/posts?limit=2&cursor=${p1.nextCursor}`)).json();
      expect([...p1.items, ...p2.items].map((p: { body: string }) => p.body)).toEqual(['Opening', 'Reply 0', 'Reply 1', 'Reply 2']);
      expect(p2.nextCursor).toBeNull();
    });
  });
});
