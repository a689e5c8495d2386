import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, replyVia, startTopicVia } from './discussions.fixtures.ts';

describeEachDialect('closed topics', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let topic: { id: number; openingPostId: number };
  let answer: { id: number };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await discussionsWorld(t);
    topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question', body: 'Closed body' });
    answer = await replyVia(t, w.as.steward, topic.id, 'An answer before closing');
    const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/close`, { reason: 'off_domain', note: 'Not our craft' }, w.as.steward);
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/topics/:id/posts', () => {
    it('answers 409 "This topic is closed" to a new answer and writes nothing', async () => {
      const before = { posts: await countRows(t.deps.db, 'posts'), activity: await countRows(t.deps.db, 'activity') };
      const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'One more answer' }, w.as.member);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'This topic is closed' });
      const form = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'One more answer' }, w.as.member);
      expect(form.statusCode).toBe(409);
      expect({ posts: await countRows(t.deps.db, 'posts'), activity: await countRows(t.deps.db, 'activity') }).toEqual(before);
    });
  });

  it('shows a closed notice instead of the answer form, and still lets people edit and vote on what is there', async () => {
    const page = await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: w.as.member.cookie } });
    expect(page.body).toContain('This topic is closed: no new answers.');
    expect(page.body).not.toContain(`action="/c/${w.pub.slug}/t/${topic.id}/reply"`);
    expect((await api(t, 'PUT', `/api/v1/posts/${answer.id}/vote`, { value: 1 }, w.as.member)).statusCode).toBe(200);
    expect((await api(t, 'PATCH', `/api/v1/posts/${topic.openingPostId}`, { body: 'Clarified body' }, w.as.member)).statusCode).toBe(200);
  });

  it('takes answers again once reopened', async () => {
    expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/reopen`, {}, w.as.steward)).statusCode).toBe(200);
    expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Now it is open again' }, w.as.member)).statusCode).toBe(201);
  });
});
