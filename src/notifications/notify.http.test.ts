import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { tickingClock } from '../discussions/discussions.fixtures.ts';
import { call, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../discussions/moderation/moderation.fixtures.ts';

interface Note {
  kind: string;
  postId: number;
  topic: { id: number };
  actor: { id: number } | null;
  url: string;
}

describeEachDialect('who gets notified of a new post', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  /** The notifications of `b` about one post. */
  async function about(b: Browser, postId: number): Promise<Note[]> {
    const res = await call(t, 'GET', '/api/v1/notifications?limit=100', undefined, b);
    expect(res.statusCode).toBe(200);
    return (res.json().items as Note[]).filter((n) => n.postId === postId);
  }
  const latestPost = async (topicId: number) => (await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).id;

  describe('mentions', () => {
    it('tells a mentioned member, linking to the post', async () => {
      const topic = await topicVia(t, w.as.steward, w.pub.slug);
      const post = await replyVia(t, w.as.member, topic, `What do you think, @${w.moderator.username}?`);
      const notes = await about(w.as.moderator, post);
      expect(notes).toEqual([expect.objectContaining({ kind: 'mention', actor: expect.objectContaining({ id: w.member.id }), url: `/c/${w.pub.slug}/t/${topic}#post-${post}` })]);
    });

    it('tells members mentioned in a new topic’s opening post', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug, { body: `Paging @${w.outsider.username} and @${w.steward.username}` });
      const opening = await latestPost(topic);
      expect((await about(w.as.outsider, opening)).map((n) => n.kind)).toEqual(['mention']);
      expect((await about(w.as.steward, opening)).map((n) => n.kind)).toEqual(['mention']);
    });

    it('creates nothing for a mentioned non-member of a private community, nor for the author mentioning themself', async () => {
      const topic = await topicVia(t, w.as.member, w.priv.slug);
      const post = await replyVia(t, w.as.member, topic, `Ask @${w.outsider.username} or @${w.admin.username}, says @${w.member.username}`);
      expect(await about(w.as.outsider, post)).toEqual([]);
      expect(await about(w.as.admin, post)).toEqual([]);
      expect(await about(w.as.member, post)).toEqual([]);
      expect(await t.deps.db.selectFrom('notifications').select('id').where('post_id', '=', post).execute()).toEqual([]);
    });

    it('tells members newly mentioned by an edit, once, and never again those already told', async () => {
      const topic = await topicVia(t, w.as.steward, w.pub.slug);
      const post = await replyVia(t, w.as.member, topic, `Thanks @${w.moderator.username}.`);
      const edit = (body: string) => api(t, 'PATCH', `/api/v1/posts/${post}`, { body }, w.as.member);
      expect((await edit(`Thanks @${w.moderator.username}, and @${w.outsider.username} too.`)).statusCode).toBe(200);
      expect((await about(w.as.outsider, post)).map((n) => n.kind)).toEqual(['mention']);
      expect((await about(w.as.moderator, post)).map((n) => n.kind)).toEqual(['mention']);
      // Removing and re-adding a mention, or editing again, tells no one twice.
      expect((await edit(`Thanks @${w.moderator.username}.`)).statusCode).toBe(200);
      expect((await edit(`Thanks @${w.moderator.username} and @${w.outsider.username}!`)).statusCode).toBe(200);
      expect((await about(w.as.outsider, post)).map((n) => n.kind)).toEqual(['mention']);
      expect((await about(w.as.moderator, post)).map((n) => n.kind)).toEqual(['mention']);
    });

    it('tells no non-member of a private community mentioned by an edit', async () => {
      const topic = await topicVia(t, w.as.member, w.priv.slug);
      const post = await replyVia(t, w.as.member, topic, 'Plain.');
      expect((await api(t, 'PATCH', `/api/v1/posts/${post}`, { body: `Plain, @${w.outsider.username}.` }, w.as.member)).statusCode).toBe(200);
      expect(await t.deps.db.selectFrom('notifications').select('id').where('post_id', '=', post).execute()).toEqual([]);
    });

    it('sends one notification per person per post, of the most specific kind', async () => {
      const topic = await topicVia(t, w.as.steward, w.pub.slug);
      await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'watch' }, w.as.moderator);
      const post = await replyVia(t, w.as.member, topic, `@${w.steward.username} @${w.steward.username} and @${w.moderator.username}`);
      expect((await about(w.as.steward, post)).map((n) => n.kind)).toEqual(['mention']);
      expect((await about(w.as.moderator, post)).map((n) => n.kind)).toEqual(['mention']);
      expect(await t.deps.db.selectFrom('notifications').select('user_id').where('post_id', '=', post).execute()).toHaveLength(2);
    });
  });

  describe('replies, answers and accepted answers', () => {
    it('tells a topic’s author about replies, but not about their own', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      const reply = await replyVia(t, w.as.steward, topic);
      expect((await about(w.as.member, reply)).map((n) => n.kind)).toEqual(['reply']);
      const own = await replyVia(t, w.as.member, topic);
      expect(await about(w.as.member, own)).toEqual([]);
    });

    it('tells an asker about answers, and an answerer when their answer is accepted', async () => {
      const question = await topicVia(t, w.as.member, w.priv.slug, { kind: 'question', title: 'Which steel for a chisel?' });
      const answer = await replyVia(t, w.as.moderator, question, 'O1 tool steel.');
      expect((await about(w.as.member, answer)).map((n) => n.kind)).toEqual(['answer']);
      const accepted = await call(t, 'PUT', `/api/v1/topics/${question}/accepted`, { postId: answer }, w.as.member);
      expect(accepted.statusCode).toBe(200);
      expect((await about(w.as.moderator, answer)).map((n) => n.kind)).toEqual(['accepted']);
      await call(t, 'DELETE', `/api/v1/topics/${question}/accepted`, undefined, w.as.member);
      await call(t, 'PUT', `/api/v1/topics/${question}/accepted`, { postId: answer }, w.as.member);
      expect((await about(w.as.moderator, answer)).map((n) => n.kind)).toEqual(['accepted']);
    });

    it('does not tell an answerer who accepted their own answer as steward', async () => {
      const question = await topicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const answer = await replyVia(t, w.as.steward, question);
      expect((await call(t, 'PUT', `/api/v1/topics/${question}/accepted`, { postId: answer }, w.as.steward)).statusCode).toBe(200);
      expect(await about(w.as.steward, answer)).toEqual([]);
    });
  });

  describe('watching, tracking and muting', () => {
    it('tells watchers of a community about new topics and posts; trackers hear nothing they are not part of', async () => {
      await call(t, 'PUT', `/api/v1/communities/${w.other.slug}/watch`, { level: 'watch' }, w.as.outsider);
      const topic = await topicVia(t, w.as.member, w.other.slug);
      expect((await about(w.as.outsider, await latestPost(topic))).map((n) => n.kind)).toEqual(['watched']);
      const reply = await replyVia(t, w.as.steward, topic);
      expect((await about(w.as.outsider, reply)).map((n) => n.kind)).toEqual(['watched']);
      expect(await about(w.as.moderator, reply)).toEqual([]);
      await call(t, 'DELETE', `/api/v1/communities/${w.other.slug}/watch`, undefined, w.as.outsider);
    });

    it('lets a topic’s level win: muting silences even replies to one’s own topic; tracking a topic in a watched community hears only what concerns one', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'mute' }, w.as.member);
      expect(await about(w.as.member, await replyVia(t, w.as.steward, topic, `hey @${w.member.username}`))).toEqual([]);
      await call(t, 'PUT', `/api/v1/communities/${w.pub.slug}/watch`, { level: 'watch' }, w.as.moderator);
      await call(t, 'PUT', `/api/v1/topics/${topic}/watch`, { level: 'track' }, w.as.moderator);
      expect(await about(w.as.moderator, await replyVia(t, w.as.steward, topic))).toEqual([]);
      expect((await about(w.as.moderator, await replyVia(t, w.as.steward, topic, `@${w.moderator.username}`))).map((n) => n.kind)).toEqual(['mention']);
      await call(t, 'DELETE', `/api/v1/communities/${w.pub.slug}/watch`, undefined, w.as.moderator);
    });

    it('makes authors hear every reply to their topic and repliers only mentions', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      await replyVia(t, w.as.moderator, topic);
      const later = await replyVia(t, w.as.steward, topic);
      expect((await about(w.as.member, later)).map((n) => n.kind)).toEqual(['reply']);
      expect(await about(w.as.moderator, later)).toEqual([]);
    });

    it('never tells a watcher who can no longer read a private community', async () => {
      await t.deps.db.insertInto('watches').values({ user_id: w.outsider.id, target_type: 'community', target_id: w.priv.id, level: 'watch', created_at: new Date().toISOString() }).execute();
      const topic = await topicVia(t, w.as.member, w.priv.slug);
      expect(await t.deps.db.selectFrom('notifications').select('id').where('user_id', '=', w.outsider.id).where('topic_id', '=', topic).execute()).toEqual([]);
    });
  });
});
