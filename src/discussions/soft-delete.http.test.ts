import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, newMember, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('soft delete', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let mod: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    mod = (await newMember(t, [w.pub.id], { display_name: 'Mo Moderator' }, 'moderator')).as;
  });
  afterAll(async () => t.close());

  const del = (postId: number, who: Browser, reason?: string) => api(t, 'DELETE', `/api/v1/posts/${postId}`, reason === undefined ? {} : { reason }, who);
  const topicRow = (id: number) => t.deps.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const postsOf = async (topicId: number, who?: Browser) => (await api(t, 'GET', `/api/v1/topics/${topicId}/posts?sort=time`, undefined, who)).json().items as Array<{ id: number; body: string; bodyHtml: string; deleted: null | { reason: string; by: { id: number } } }>;

  describe('a reply or answer', () => {
    it('stays in the thread as "deleted by …: reason", its text hidden from all but moderators, and leaves the counts', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const answer = await replyVia(t, w.as.member, topic.id, 'Wrong answer text');
      await replyVia(t, w.as.steward, topic.id, 'Right answer');
      const res = await del(answer.id, w.as.member, 'I was wrong');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ topicDeleted: false, post: { id: answer.id, deleted: { reason: 'I was wrong', by: { id: w.member.id } } } });
      expect(await topicRow(topic.id)).toMatchObject({ reply_count: 1, answer_count: 1, deleted_at: null });
      const shown = (await postsOf(topic.id, w.as.outsider)).find((p) => p.id === answer.id);
      expect(shown).toMatchObject({ body: '', bodyHtml: '', deleted: { reason: 'I was wrong' } });
      expect((await postsOf(topic.id, mod)).find((p) => p.id === answer.id)?.body).toBe('Wrong answer text');
      const page = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: w.as.outsider.cookie } })).body;
      expect(page).toContain('Deleted by');
      expect(page).toContain(': I was wrong');
      expect(page).not.toContain('Wrong answer text');
      const modPage = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: mod.cookie } })).body;
      expect(modPage).toContain('Wrong answer text');
      expect(modPage).toContain('shown to you as a moderator');
      const act = await t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'post.deleted').where('subject_id', '=', answer.id).execute();
      expect(act).toHaveLength(1);
    });

    it('stops being the accepted answer, so the question is no longer solved', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const answer = await replyVia(t, w.as.steward, topic.id);
      await t.deps.db.updateTable('topics').set({ accepted_post_id: answer.id }).where('id', '=', topic.id).execute();
      expect((await del(answer.id, w.as.steward)).statusCode).toBe(200);
      expect(await topicRow(topic.id)).toMatchObject({ accepted_post_id: null, answer_count: 0 });
      const unanswered = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/topics?view=unanswered&limit=100`)).json().items.map((i: { id: number }) => i.id);
      expect(unanswered).toContain(topic.id);
    });

    it('needs a reason when a moderator deletes someone else’s post (400 naming reason, nothing changes)', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const reply = await replyVia(t, w.as.member, topic.id);
      const res = await del(reply.id, mod, '  ');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('reason');
      expect((await postsOf(topic.id)).find((p) => p.id === reply.id)?.deleted).toBeNull();
      expect((await del(reply.id, mod, 'Off topic')).statusCode).toBe(200);
    });

    it('answers 409 when the post is already deleted, 403 to other members, 401 to anonymous', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const reply = await replyVia(t, w.as.member, topic.id);
      const other = await newMember(t, [w.pub.id]);
      expect((await del(reply.id, other.as, 'mine now')).statusCode).toBe(403);
      expect((await api(t, 'DELETE', `/api/v1/posts/${reply.id}`, {})).statusCode).toBe(401);
      expect((await del(reply.id, w.as.member)).statusCode).toBe(200);
      const before = await countRows(t.deps.db, 'activity');
      expect((await del(reply.id, w.as.member)).statusCode).toBe(409);
      expect(await countRows(t.deps.db, 'activity')).toBe(before);
      expect((await topicRow(topic.id)).reply_count).toBe(0);
    });

    it('counts a post deleted by two requests at once out exactly once', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const reply = await replyVia(t, w.as.member, topic.id);
      await replyVia(t, w.as.member, topic.id);
      const results = await Promise.all([del(reply.id, w.as.member), del(reply.id, w.as.steward, 'dup'), del(reply.id, mod, 'dup')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect((await topicRow(topic.id)).reply_count).toBe(1);
    });

    it('takes the delete form post with a reason', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const reply = await replyVia(t, w.as.member, topic.id);
      const url = `/c/${w.pub.slug}/t/${topic.id}/posts/${reply.id}/delete`;
      const confirm = await t.app.inject({ url, headers: { cookie: w.as.member.cookie } });
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('<h1>Delete this post?</h1>');
      const res = await postForm(t, url, { reason: 'Posted twice' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${topic.id}#post-${reply.id}`);
    });
  });

  describe('an opening post', () => {
    it('deletes the topic: gone from lists, 404 to members, still readable by moderators; no replies (404)', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Soon gone Kx4' });
      const reply = await replyVia(t, w.as.steward, topic.id);
      const res = await del(topic.openingPostId, w.as.member, 'Asked elsewhere');
      expect(res.json()).toMatchObject({ topicDeleted: true });
      expect(await topicRow(topic.id)).toMatchObject({ deleted_reason: 'Asked elsewhere', deleted_by: w.member.id });
      const list = (await api(t, 'GET', `/api/v1/communities/${w.pub.slug}/topics?limit=100`, undefined, mod)).json().items.map((i: { id: number }) => i.id);
      expect(list).not.toContain(topic.id);
      for (const b of [w.as.member, w.as.outsider]) {
        expect((await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: b.cookie } })).statusCode).toBe(404);
        expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`, undefined, b)).statusCode).toBe(404);
      }
      const modPage = await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: mod.cookie } });
      expect(modPage.statusCode).toBe(200);
      expect(modPage.body).toContain('This topic was deleted: Asked elsewhere');
      expect(modPage.body).not.toContain('id="reply-heading"');
      expect((await api(t, 'GET', `/api/v1/topics/${topic.id}`, undefined, mod)).json().deleted).toMatchObject({ reason: 'Asked elsewhere', by: { id: w.member.id } });
      const before = await countRows(t.deps.db, 'posts');
      for (const b of [w.as.member, mod]) {
        expect((await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'Hello?' }, b)).statusCode).toBe(404);
        expect((await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'Hello?' }, b)).statusCode).toBe(404);
        expect((await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { body: 'Edit?' }, b)).statusCode).toBe(404);
      }
      expect(await countRows(t.deps.db, 'posts')).toBe(before);
    });

    it('the form post sends the author back to the community’s topics', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const url = `/c/${w.pub.slug}/t/${topic.id}/posts/${topic.openingPostId}/delete`;
      expect((await t.app.inject({ url, headers: { cookie: w.as.member.cookie } })).body).toContain('<h1>Delete this topic?</h1>');
      const res = await postForm(t, url, { reason: '' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/topics`);
    });
  });
});
