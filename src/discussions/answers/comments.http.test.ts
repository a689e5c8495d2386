import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { apiDelete, makeAnswer, makeQuestion, qaCounts, qaWorld } from './answers.fixtures.ts';

describeEachDialect('comments API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof qaWorld>>;
  let q: { topicId: number; openingId: number };
  let answerId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await qaWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    q = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
    answerId = await makeAnswer(t.deps.db, q.topicId, w.answerer.id);
  });

  type Who = keyof typeof w.as;
  const comment = (postId: number, body: unknown, who: Who = 'voter') => api(t, 'POST', `/api/v1/posts/${postId}/comments`, { body }, w.as[who]);
  const remove = (commentId: number, who: Who = 'voter') => apiDelete(t, `/api/v1/comments/${commentId}`, w.as[who]);
  const commentCount = async (postId: number) => (await t.deps.db.selectFrom('posts').select('comment_count').where('id', '=', postId).executeTakeFirstOrThrow()).comment_count;

  async function refusedWritingNothing(call: () => Promise<{ statusCode: number; json(): unknown }>, status: number) {
    const before = await qaCounts(t.deps.db);
    const res = await call();
    expect(res.statusCode).toBe(status);
    expect(await qaCounts(t.deps.db)).toEqual(before);
    return res.json() as { error: { message: string; details: Array<{ field: string; message: string }> } };
  }

  describe('POST /api/v1/posts/:id/comments', () => {
    it('adds a Markdown comment rendered to safe HTML, counts it on the post and records comment.created', async () => {
      const res = await comment(answerId, 'Use **water**, not oil <script>alert(1)</script>');
      expect(res.statusCode).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ postId: answerId, body: 'Use **water**, not oil <script>alert(1)</script>', author: { id: w.voter.id } });
      expect(c.bodyHtml).toContain('<strong>water</strong>');
      expect(c.bodyHtml).not.toContain('<script');
      expect(await commentCount(answerId)).toBe(1);
      const act = await t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'comment.created').where('subject_id', '=', c.id).executeTakeFirstOrThrow();
      expect(act).toMatchObject({ actor_id: w.voter.id, community_id: w.pub.id, subject_type: 'comment' });
    });

    it("comments on a question's opening post, and links @mentions of members", async () => {
      const res = await comment(q.openingId, `Which steel, @${w.asker.username}?`, 'answerer');
      expect(res.statusCode).toBe(201);
      expect(res.json().bodyHtml).toContain(`href="/u/${w.asker.username}"`);
      const told = await t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', w.asker.id).where('kind', '=', 'mention').where('post_id', '=', q.openingId).execute();
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ actor_id: w.answerer.id, community_id: w.pub.id });
    });

    it('refuses a mention of no one with 400 naming body and writes nothing', async () => {
      const body = await refusedWritingNothing(() => comment(answerId, 'Ask @nobody_here_at_all'), 400);
      expect(body.error.details).toEqual([{ field: 'body', message: 'No member is called @nobody_here_at_all; check the username' }]);
    });

    it.each([
      ['an empty', '', 'Body must not be empty'],
      ['a blank', '   \n ', 'Comment must not be empty'],
      ['a 1001-character', 'x'.repeat(1001), 'Body must be at most 1000 characters'],
      ['an object as', { text: 'hi' }, undefined],
    ])('refuses %s body with 400 naming body and writes nothing', async (_name, value, message) => {
      const body = await refusedWritingNothing(() => comment(answerId, value), 400);
      expect(body.error.details[0]?.field).toBe('body');
      if (message) expect(body.error.details[0]?.message).toBe(message);
    });

    it('accepts exactly 1000 characters', async () => {
      expect((await comment(answerId, 'y'.repeat(1000))).statusCode).toBe(201);
    });

    it('refuses anonymous (401), non-members (403), replies in a discussion (400), deleted posts and locked topics (409)', async () => {
      await refusedWritingNothing(() => api(t, 'POST', `/api/v1/posts/${answerId}/comments`, { body: 'hi' }), 401);
      await refusedWritingNothing(() => comment(answerId, 'hi', 'outsider'), 403);
      await refusedWritingNothing(() => comment(answerId, 'hi', 'admin'), 403);
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      const reply = await makeAnswer(t.deps.db, d.topicId, w.answerer.id, { kind: 'reply' });
      expect((await refusedWritingNothing(() => comment(reply, 'hi'), 400)).error.message).toBe('Only questions and their answers take comments');
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      await refusedWritingNothing(() => comment(answerId, 'hi'), 409);
      const other = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
      const gone = await makeAnswer(t.deps.db, other.topicId, w.answerer.id);
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', gone).execute();
      await refusedWritingNothing(() => comment(gone, 'hi'), 409);
    });

    it('keeps comment_count right when 10 members comment at once', async () => {
      const who: Who[] = ['voter', 'asker', 'steward', 'moderator', 'answerer'];
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => comment(answerId, `Comment ${i}`, who[i % who.length])));
      expect(results.every((r) => r.statusCode === 201)).toBe(true);
      expect(await commentCount(answerId)).toBe(10);
    });
  });

  describe('GET /api/v1/posts/:id/comments', () => {
    it('lists live comments oldest first, a page at a time', async () => {
      for (const b of ['one', 'two', 'three']) await comment(answerId, b);
      const page1 = await api(t, 'GET', `/api/v1/posts/${answerId}/comments?limit=2`);
      expect(page1.statusCode).toBe(200);
      expect(page1.json().items.map((c: { body: string }) => c.body)).toEqual(['one', 'two']);
      const page2 = await api(t, 'GET', `/api/v1/posts/${answerId}/comments?limit=2&cursor=${page1.json().nextCursor}`);
      expect(page2.json()).toMatchObject({ items: [{ body: 'three' }], nextCursor: null });
    });

    it('leaves deleted comments out', async () => {
      const c = (await comment(answerId, 'soon gone')).json();
      await remove(c.id);
      expect((await api(t, 'GET', `/api/v1/posts/${answerId}/comments`)).json().items).toEqual([]);
    });

    it("answers 404 to non-members for a private community's post, and 400 for a bad cursor", async () => {
      const s = await makeQuestion(t.deps.db, w.secret.id, w.asker.id);
      expect((await api(t, 'GET', `/api/v1/posts/${s.openingId}/comments`)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/posts/${s.openingId}/comments`, undefined, w.as.admin)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/posts/${s.openingId}/comments`, undefined, w.as.voter)).statusCode).toBe(200);
      expect((await api(t, 'GET', `/api/v1/posts/${answerId}/comments?cursor=nonsense`)).json().error.details[0].field).toBe('cursor');
    });
  });

  describe('DELETE /api/v1/comments/:id', () => {
    it('lets the author delete their comment: soft delete, count down, comment.deleted recorded', async () => {
      const c = (await comment(answerId, 'oops')).json();
      const res = await remove(c.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: c.id, postId: answerId, commentCount: 0 });
      const row = await t.deps.db.selectFrom('comments').select('deleted_at').where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row.deleted_at).not.toBeNull();
      expect(await t.deps.db.selectFrom('activity').select('actor_id').where('verb', '=', 'comment.deleted').where('subject_id', '=', c.id).executeTakeFirst()).toEqual({ actor_id: w.voter.id });
    });

    it('lets stewards and moderators delete anyone’s comment, even in a locked topic', async () => {
      const a = (await comment(answerId, 'first')).json();
      const b = (await comment(answerId, 'second')).json();
      expect((await remove(a.id, 'moderator')).statusCode).toBe(200);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      expect((await remove(b.id, 'steward')).json()).toMatchObject({ commentCount: 0 });
    });

    it('refuses other members (403), non-members (403), anonymous (401), authors in a locked topic (409); writes nothing', async () => {
      const c = (await comment(answerId, 'mine')).json();
      await refusedWritingNothing(() => remove(c.id, 'asker'), 403);
      await refusedWritingNothing(() => remove(c.id, 'outsider'), 403);
      await refusedWritingNothing(() => apiDelete(t, `/api/v1/comments/${c.id}`), 401);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      await refusedWritingNothing(() => remove(c.id), 409);
    });

    it('answers 404 for a comment deleted already (counted once) or that never was', async () => {
      const c = (await comment(answerId, 'twice')).json();
      await remove(c.id);
      await refusedWritingNothing(() => remove(c.id), 404);
      await refusedWritingNothing(() => remove(99_999_999), 404);
      expect(await commentCount(answerId)).toBe(0);
    });

    it("answers 404 to non-members for a private community's comment", async () => {
      const s = await makeQuestion(t.deps.db, w.secret.id, w.asker.id);
      const c = (await comment(s.openingId, 'secret remark')).json();
      await refusedWritingNothing(() => remove(c.id, 'outsider'), 404);
      await refusedWritingNothing(() => remove(c.id, 'admin'), 404);
    });
  });
});
