import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, newMember, replyVia, startTopicVia } from './discussions.fixtures.ts';

describeEachDialect('locked topics', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let mod: Browser;
  let topic: { id: number; openingPostId: number };
  let reply: { id: number };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await discussionsWorld(t);
    mod = (await newMember(t, [w.pub.id], {}, 'moderator')).as;
    topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question', body: 'Locked body' });
    reply = await replyVia(t, w.as.member, topic.id, 'An answer');
    await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', topic.id).execute();
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    posts: await countRows(t.deps.db, 'posts'),
    revisions: await countRows(t.deps.db, 'post_revisions'),
    activity: await countRows(t.deps.db, 'activity'),
    topic: await t.deps.db.selectFrom('topics').select(['reply_count', 'answer_count', 'last_posted_at', 'title']).where('id', '=', topic.id).executeTakeFirstOrThrow(),
  });

  describe('replying', () => {
    it('answers 409 "This topic is locked" to members, moderators and stewards, writing nothing', async () => {
      const before = await snapshot();
      for (const who of [w.as.member, mod, w.as.steward]) {
        const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'One more' }, who);
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'This topic is locked' });
      }
      const form = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'One more' }, w.as.member);
      expect(form.statusCode).toBe(409);
      expect(form.body).toContain('This topic is locked');
      expect(await snapshot()).toEqual(before);
    });

    it('still answers 403 to non-members and 404 to outsiders of a private community before saying it is locked', async () => {
      expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'x' }, w.as.outsider)).statusCode).toBe(403);
      const secret = await startTopicVia(t, w.as.member, w.secret.slug);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', secret.id).execute();
      expect((await api(t, 'POST', `/api/v1/topics/${secret.id}/posts`, { body: 'x' }, w.as.outsider)).statusCode).toBe(404);
    });
  });

  describe('editing', () => {
    it('answers 409 to the author and to moderators, for the opening post and for answers, writing nothing', async () => {
      const before = await snapshot();
      for (const [postId, who] of [[topic.openingPostId, w.as.member], [reply.id, w.as.member], [topic.openingPostId, mod]] as const) {
        const res = await api(t, 'PATCH', `/api/v1/posts/${postId}`, { title: 'Sneaky', body: 'Changed' }, who);
        expect(res.statusCode).toBe(409);
        expect(res.json().error.message).toBe('This topic is locked');
      }
      const url = `/c/${w.pub.slug}/t/${topic.id}/posts/${topic.openingPostId}/edit`;
      expect((await t.app.inject({ url, headers: { cookie: w.as.member.cookie } })).statusCode).toBe(409);
      expect((await postForm(t, url, { title: 'Sneaky', body: 'Changed' }, w.as.member)).statusCode).toBe(409);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('deleting', () => {
    it('is refused to the author (409) but allowed to moderators', async () => {
      const at = new Date().toISOString();
      const extra = await t.deps.db.insertInto('posts').values({ topic_id: topic.id, author_id: w.member.id, kind: 'answer', body: 'Late', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await t.deps.db.updateTable('topics').set((eb) => ({ reply_count: eb('reply_count', '+', 1), answer_count: eb('answer_count', '+', 1) })).where('id', '=', topic.id).execute();
      expect((await api(t, 'DELETE', `/api/v1/posts/${extra.id}`, {}, w.as.member)).statusCode).toBe(409);
      expect((await api(t, 'DELETE', `/api/v1/posts/${extra.id}`, { reason: 'Cleaning up' }, mod)).statusCode).toBe(200);
      expect(await t.deps.db.selectFrom('topics').select(['reply_count', 'answer_count']).where('id', '=', topic.id).executeTakeFirstOrThrow()).toEqual({ reply_count: 1, answer_count: 1 });
    });
  });

  describe('the topic page', () => {
    it('says the topic is locked instead of offering the answer form, and offers no Edit links', async () => {
      const page = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: w.as.member.cookie } })).body;
      expect(page).toContain('This topic is locked');
      expect(page).toContain('<span class="badge badge--locked">Locked</span>');
      expect(page).not.toContain(`action="/c/${w.pub.slug}/t/${topic.id}/reply"`);
      expect(page).not.toContain('/edit"');
    });
  });
});
