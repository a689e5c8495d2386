import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { discussionsWorld, newMember, startTopicVia } from './discussions.fixtures.ts';

describeEachDialect('reply and answer counts under concurrency', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let crowd: Browser[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await discussionsWorld(t);
    crowd = [];
    for (let i = 0; i < 4; i++) crowd.push((await newMember(t, [w.pub.id])).as);
  });
  afterAll(async () => t.close());

  const topicRow = (id: number) => t.deps.db.selectFrom('topics').select(['reply_count', 'answer_count', 'last_posted_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const postsOf = (id: number) => t.deps.db.selectFrom('posts').select(['kind', 'created_at']).where('topic_id', '=', id).execute();
  const burst = (topicId: number, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => t.app.inject({ method: 'POST', url: `/api/v1/topics/${topicId}/posts`, headers: { cookie: crowd[i % crowd.length]!.cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ body: `Post ${i} mentioning @${w.member.username}` }) })));

  describe('POST /api/v1/topics/:id/posts', () => {
    it('counts 20 concurrent replies to a discussion exactly', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'discussion' });
      const results = await burst(topic.id, 20);
      expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      const posts = await postsOf(topic.id);
      expect(posts.filter((p) => p.kind === 'reply')).toHaveLength(20);
      const row = await topicRow(topic.id);
      expect(row).toMatchObject({ reply_count: 20, answer_count: 0 });
      expect(row.last_posted_at).toBe(posts.map((p) => p.created_at).sort().at(-1));
    });

    it('counts 20 concurrent answers to a question exactly, as answers and as replies', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const results = await burst(topic.id, 20);
      expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      expect((await postsOf(topic.id)).filter((p) => p.kind === 'answer')).toHaveLength(20);
      expect(await topicRow(topic.id)).toMatchObject({ reply_count: 20, answer_count: 20 });
      const acts = await t.deps.db.selectFrom('activity').select('id').where('verb', '=', 'post.created').where((eb) => eb('subject_id', 'in', results.map((r) => r.json().id as number))).execute();
      expect(acts).toHaveLength(20);
    });

    it('keeps the counts exact while answers are posted and deleted at the same time', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const first = await burst(topic.id, 10);
      const doomed = first.slice(0, 6).map((r, i) => ({ id: r.json().id as number, by: crowd[i % crowd.length]! }));
      const [more] = await Promise.all([burst(topic.id, 10), ...doomed.map((d) => api(t, 'DELETE', `/api/v1/posts/${d.id}`, { reason: 'gone' }, d.by))]);
      expect(more.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
      const live = (await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topic.id).where('kind', '=', 'answer').where('deleted_at', 'is', null).execute()).length;
      expect(live).toBe(14);
      expect(await topicRow(topic.id)).toMatchObject({ reply_count: 14, answer_count: 14 });
    });
  });
});
