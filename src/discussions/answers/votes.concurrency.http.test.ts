import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { apiDelete, makeAnswer, makeQuestion } from './answers.fixtures.ts';

/*
 * Votes arrive at once from many browsers. The score must end exactly at the sum of the votes that
 * stand, on both databases: each vote moves it with one atomic UPDATE in the vote's transaction.
 */
describeEachDialect('votes under concurrency', (dialect) => {
  let t: TestApp;
  let community: { id: number };
  let author: { id: number };
  let members: Browser[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const steward = await makeUser(db);
    author = await makeUser(db);
    community = await makeCommunity(db, steward.id);
    await addMember(db, community.id, author.id);
    const users = await Promise.all(Array.from({ length: 20 }, () => makeUser(db)));
    for (const u of users) await addMember(db, community.id, u.id);
    members = await Promise.all(users.map((u) => signInAs(t, u.id)));
  });
  afterAll(async () => t.close());

  const state = async (postId: number) => {
    const db = t.deps.db;
    const post = await db.selectFrom('posts').select('score').where('id', '=', postId).executeTakeFirstOrThrow();
    const votes = await db.selectFrom('votes').select(['user_id', 'value']).where('post_id', '=', postId).execute();
    const acts = await db.selectFrom('activity').select('data').where('verb', '=', 'post.voted').where('subject_id', '=', postId).execute();
    const moved = acts.reduce((sum, a) => {
      const d = JSON.parse(a.data) as { value: number; previous: number };
      return sum + d.value - d.previous;
    }, 0);
    return { score: post.score, sumOfVotes: votes.reduce((s, v) => s + v.value, 0), votes, moved };
  };

  it('20 members voting on one answer at once leave the score exactly right', async () => {
    const q = await makeQuestion(t.deps.db, community.id, author.id);
    const answerId = await makeAnswer(t.deps.db, q.topicId, author.id);
    const values = members.map((_, i) => (i % 4 === 3 ? -1 : 1)); // 15 up, 5 down
    const results = await Promise.all(members.map((b, i) => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: values[i] }, b)));
    expect(results.map((r) => r.statusCode)).toEqual(members.map(() => 200));
    const s = await state(answerId);
    expect(s).toMatchObject({ score: 10, sumOfVotes: 10, moved: 10 });
    expect(s.votes).toHaveLength(20);
  });

  it('20 members switching and taking back votes at once keep score, votes and activity in step', async () => {
    const q = await makeQuestion(t.deps.db, community.id, author.id);
    const answerId = await makeAnswer(t.deps.db, q.topicId, author.id);
    await Promise.all(members.map((b) => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: 1 }, b)));
    const results = await Promise.all(
      members.map((b, i) => (i % 2 === 0 ? api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: -1 }, b) : apiDelete(t, `/api/v1/posts/${answerId}/vote`, b))),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(await state(answerId)).toMatchObject({ score: -10, sumOfVotes: -10, moved: -10 });
  });

  describe('one member flipping their vote many times at once', () => {
    it('leaves exactly one vote row, and a score equal to it', async () => {
      const q = await makeQuestion(t.deps.db, community.id, author.id);
      const answerId = await makeAnswer(t.deps.db, q.topicId, author.id);
      const me = members[0]!;
      const flips = Array.from({ length: 20 }, (_, i) => api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: i % 2 === 0 ? 1 : -1 }, me));
      const results = await Promise.all(flips);
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
      const s = await state(answerId);
      expect(s.votes).toHaveLength(1);
      expect(s.score).toBe(s.votes[0]!.value);
      expect(s.moved).toBe(s.score);
    });

    it('mixing flips and take-backs leaves at most one vote row and a score equal to it', async () => {
      const q = await makeQuestion(t.deps.db, community.id, author.id);
      const answerId = await makeAnswer(t.deps.db, q.topicId, author.id);
      const me = members[1]!;
      const calls = Array.from({ length: 21 }, (_, i) =>
        i % 3 === 2 ? apiDelete(t, `/api/v1/posts/${answerId}/vote`, me) : api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: i % 3 === 0 ? 1 : -1 }, me),
      );
      expect((await Promise.all(calls)).every((r) => r.statusCode === 200)).toBe(true);
      const s = await state(answerId);
      expect(s.votes.length).toBeLessThanOrEqual(1);
      expect(s.score).toBe(s.sumOfVotes);
      expect(s.moved).toBe(s.score);
    });
  });
});
