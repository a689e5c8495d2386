import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { apiDelete, makeAnswer, makeQuestion, qaCounts, qaWorld } from './answers.fixtures.ts';

describeEachDialect('votes API', (dialect) => {
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

  const vote = (postId: number, value: unknown, who = w.as.voter) => api(t, 'PUT', `/api/v1/posts/${postId}/vote`, { value }, who);
  const unvote = (postId: number, who = w.as.voter) => apiDelete(t, `/api/v1/posts/${postId}/vote`, who);
  const scoreOf = async (postId: number) => (await t.deps.db.selectFrom('posts').select('score').where('id', '=', postId).executeTakeFirstOrThrow()).score;
  const votedActivity = (postId: number) => t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'post.voted').where('subject_id', '=', postId).orderBy('id').execute();

  /** Asserts the request was refused with `status` and left every Q&A table as it was. */
  async function refusedWritingNothing(call: () => Promise<{ statusCode: number; json(): unknown }>, status: number) {
    const before = await qaCounts(t.deps.db);
    const res = await call();
    expect(res.statusCode).toBe(status);
    expect(await qaCounts(t.deps.db)).toEqual(before);
    return res.json() as { error: { code: string; message: string; details: Array<{ field: string }> } };
  }

  describe('PUT /api/v1/posts/:id/vote', () => {
    it('upvotes an answer: score 1, myVote 1, one vote row and a post.voted activity row in the community', async () => {
      const res = await vote(answerId, 1);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ postId: answerId, score: 1, myVote: 1 });
      expect(await scoreOf(answerId)).toBe(1);
      const acts = await votedActivity(answerId);
      expect(acts).toHaveLength(1);
      expect(acts[0]).toMatchObject({ actor_id: w.voter.id, community_id: w.pub.id, subject_type: 'post' });
      expect(JSON.parse(acts[0]!.data)).toEqual({ value: 1, previous: 0, topicId: q.topicId, postAuthorId: w.answerer.id });
    });

    it("votes on a question's opening post too", async () => {
      expect((await vote(q.openingId, -1)).json()).toEqual({ postId: q.openingId, score: -1, myVote: -1 });
    });

    it('switches an upvote to a downvote: score moves by 2, still one vote row', async () => {
      await vote(answerId, 1);
      await vote(answerId, 1, w.as.moderator);
      const res = await vote(answerId, -1);
      expect(res.json()).toEqual({ postId: answerId, score: 0, myVote: -1 });
      const rows = await t.deps.db.selectFrom('votes').selectAll().where('post_id', '=', answerId).where('user_id', '=', w.voter.id).execute();
      expect(rows.map((r) => r.value)).toEqual([-1]);
      expect(JSON.parse((await votedActivity(answerId)).at(-1)!.data)).toMatchObject({ value: -1, previous: 1 });
    });

    it('voting the same way again changes and records nothing', async () => {
      await vote(answerId, 1);
      const res = await refusedWritingNothing(() => vote(answerId, 1), 200);
      expect(res).toEqual({ postId: answerId, score: 1, myVote: 1 });
    });

    it('refuses a vote on your own post with 403 and writes nothing', async () => {
      const body = await refusedWritingNothing(() => vote(answerId, 1, w.as.answerer), 403);
      expect(body.error.message).toBe('You cannot vote on your own post.');
      await refusedWritingNothing(() => vote(q.openingId, 1, w.as.asker), 403);
    });

    it('refuses a reader who is not a member with 403 (join first) and writes nothing', async () => {
      const body = await refusedWritingNothing(() => vote(answerId, 1, w.as.outsider), 403);
      expect(body.error.message).toMatch(/Only members of this community can vote/);
      await refusedWritingNothing(() => vote(answerId, 1, w.as.admin), 403);
    });

    it('refuses anonymous callers with 401, whatever they send', async () => {
      await refusedWritingNothing(() => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: 1 }), 401);
      await refusedWritingNothing(() => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: 7 }), 401);
    });

    it.each([[0], [2], [-2], ['up'], [null], [1.5]])('refuses value %j with 400 naming value and writes nothing', async (value) => {
      const body = await refusedWritingNothing(() => vote(answerId, value), 400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.map((d) => d.field)).toContain('value');
    });

    it('refuses a body without value with 400 naming value', async () => {
      expect((await refusedWritingNothing(() => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, {}, w.as.voter), 400)).error.details[0]?.field).toBe('value');
    });

    it('answers 404 for a post that does not exist, and 400 for an id that is not a number', async () => {
      await refusedWritingNothing(() => vote(99_999_999, 1), 404);
      expect((await refusedWritingNothing(() => api(t, 'PUT', '/api/v1/posts/abc/vote', { value: 1 }, w.as.voter), 400)).error.details[0]?.field).toBe('id');
    });

    it('refuses a vote on a deleted post with 409 and writes nothing', async () => {
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', answerId).execute();
      const body = await refusedWritingNothing(() => vote(answerId, 1), 409);
      expect(body.error.message).toMatch(/deleted/);
    });

    it('treats a deleted topic as gone (404) for members, and refuses stewards and moderators with 409', async () => {
      await t.deps.db.updateTable('topics').set({ deleted_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      await refusedWritingNothing(() => vote(answerId, 1), 404);
      expect((await refusedWritingNothing(() => vote(answerId, 1, w.as.moderator), 409)).error.message).toMatch(/deleted/);
    });

    it('refuses votes and unvotes in a locked topic with 409 and writes nothing', async () => {
      await vote(answerId, 1);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      const body = await refusedWritingNothing(() => vote(answerId, -1), 409);
      expect(body.error.message).toMatch(/locked/);
      await refusedWritingNothing(() => unvote(answerId), 409);
    });

    it('refuses votes on replies in a discussion with 400', async () => {
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      const reply = await makeAnswer(t.deps.db, d.topicId, w.answerer.id, { kind: 'reply' });
      const body = await refusedWritingNothing(() => vote(reply, 1), 400);
      expect(body.error.message).toBe('Only questions and their answers can be voted on');
      await refusedWritingNothing(() => vote(d.openingId, 1), 400);
    });

    it("answers 404 to everyone but members for a private community's posts, and lets members vote", async () => {
      const s = await makeQuestion(t.deps.db, w.secret.id, w.asker.id);
      const a = await makeAnswer(t.deps.db, s.topicId, w.answerer.id);
      await refusedWritingNothing(() => vote(a, 1, w.as.outsider), 404);
      await refusedWritingNothing(() => vote(a, 1, w.as.admin), 404);
      await refusedWritingNothing(() => unvote(a, w.as.outsider), 404);
      expect((await vote(a, 1)).statusCode).toBe(200);
    });
  });

  describe('DELETE /api/v1/posts/:id/vote', () => {
    it('takes a vote back: score back to 0, no vote row, post.voted with value 0', async () => {
      await vote(answerId, -1);
      const res = await unvote(answerId);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ postId: answerId, score: 0, myVote: null });
      expect(await t.deps.db.selectFrom('votes').selectAll().where('post_id', '=', answerId).execute()).toEqual([]);
      expect(JSON.parse((await votedActivity(answerId)).at(-1)!.data)).toMatchObject({ value: 0, previous: -1 });
    });

    it('without a vote, changes and records nothing and answers the score', async () => {
      await vote(answerId, 1, w.as.moderator);
      expect(await refusedWritingNothing(() => unvote(answerId), 200)).toEqual({ postId: answerId, score: 1, myVote: null });
    });

    it('refuses anonymous (401), non-members (403) and your own post (403), writing nothing', async () => {
      await refusedWritingNothing(() => apiDelete(t, `/api/v1/posts/${answerId}/vote`), 401);
      await refusedWritingNothing(() => unvote(answerId, w.as.outsider), 403);
      await refusedWritingNothing(() => unvote(answerId, w.as.answerer), 403);
    });
  });
});
