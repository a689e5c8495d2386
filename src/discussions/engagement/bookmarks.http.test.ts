import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../moderation/moderation.fixtures.ts';

interface Item {
  postId: number;
  opening: boolean;
  topic: { id: number; title: string };
  url: string;
}

describeEachDialect('bookmarks', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  const openingOf = async (topicId: number) =>
    (await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topicId).where('kind', '=', 'opening').executeTakeFirstOrThrow()).id;
  const list = async (b: Parameters<typeof call>[4], q = '') => (await call(t, 'GET', `/api/v1/me/bookmarks${q}`, undefined, b)).json() as { items: Item[]; nextCursor: string | null };

  describe('PUT and DELETE /api/v1/posts/:id/bookmark, GET /api/v1/me/bookmarks', () => {
    it('bookmarks a topic (its opening post) and a reply, lists them newest first with their addresses, and removes one', async () => {
      const reader = await signInAs(t, (await makeUser(t.deps.db)).id);
      const topic = await topicVia(t, w.as.member, w.pub.slug, { title: 'Forge welding basics' });
      const opening = await openingOf(topic);
      const reply = await replyVia(t, w.as.steward, topic, 'Use flux.');
      expect((await call(t, 'PUT', `/api/v1/posts/${opening}/bookmark`, undefined, reader)).json()).toEqual({ postId: opening, bookmarked: true });
      expect((await call(t, 'PUT', `/api/v1/posts/${reply}/bookmark`, undefined, reader)).statusCode).toBe(200);
      expect((await call(t, 'PUT', `/api/v1/posts/${reply}/bookmark`, undefined, reader)).statusCode).toBe(200);
      const items = (await list(reader)).items;
      expect(items.map((i) => [i.postId, i.opening])).toEqual([[reply, false], [opening, true]]);
      expect(items[0]).toMatchObject({ topic: { id: topic, title: 'Forge welding basics' }, url: `/c/${w.pub.slug}/t/${topic}#post-${reply}` });
      expect((await call(t, 'DELETE', `/api/v1/posts/${reply}/bookmark`, undefined, reader)).json()).toEqual({ postId: reply, bookmarked: false });
      expect((await list(reader)).items.map((i) => i.postId)).toEqual([opening]);
    });

    it('lists only posts the member can still read: not after leaving a private community, not deleted ones', async () => {
      const reader = await makeUser(t.deps.db);
      const b = await signInAs(t, reader.id);
      await t.deps.db.insertInto('memberships').values({ community_id: w.priv.id, user_id: reader.id, role: 'member', created_at: new Date().toISOString() }).execute();
      const secret = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.priv.slug, { title: 'Private plans Qz' }));
      const doomed = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.pub.slug));
      await call(t, 'PUT', `/api/v1/posts/${secret}/bookmark`, undefined, b);
      await call(t, 'PUT', `/api/v1/posts/${doomed}/bookmark`, undefined, b);
      expect((await list(b)).items).toHaveLength(2);
      await t.deps.db.deleteFrom('memberships').where('community_id', '=', w.priv.id).where('user_id', '=', reader.id).execute();
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', doomed).execute();
      const res = await call(t, 'GET', '/api/v1/me/bookmarks', undefined, b);
      expect(res.json().items).toEqual([]);
      expect(res.body).not.toContain('Private plans Qz');
      const pageBody = (await t.app.inject({ url: '/bookmarks', headers: { cookie: b.cookie } })).body;
      expect(pageBody).not.toContain('Private plans Qz');
      expect(pageBody).toContain('No bookmarks yet');
    });

    it('pages through bookmarks with a cursor, without repeats or gaps', async () => {
      const b = await signInAs(t, (await makeUser(t.deps.db)).id);
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      const ids = [await replyVia(t, w.as.member, topic), await replyVia(t, w.as.member, topic), await replyVia(t, w.as.member, topic)];
      for (const id of ids) await call(t, 'PUT', `/api/v1/posts/${id}/bookmark`, undefined, b);
      const first = await list(b, '?limit=2');
      expect(first.items.map((i) => i.postId)).toEqual([ids[2], ids[1]]);
      const second = await list(b, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.postId)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
      expect((await call(t, 'GET', '/api/v1/me/bookmarks?cursor=nonsense', undefined, b)).json().error.details[0].field).toBe('cursor');
    });

    it('lets any signed-in reader bookmark, refuses anonymous (401) and outsiders of a private community (404), writing nothing', async () => {
      const pubPost = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.pub.slug));
      const privPost = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.priv.slug, { title: 'Hidden Qz' }));
      expect((await call(t, 'PUT', `/api/v1/posts/${pubPost}/bookmark`, undefined, w.as.outsider)).statusCode).toBe(200);
      const before = await count(t.deps.db, 'bookmarks');
      expect((await call(t, 'PUT', `/api/v1/posts/${pubPost}/bookmark`)).statusCode).toBe(401);
      const hidden = await call(t, 'PUT', `/api/v1/posts/${privPost}/bookmark`, undefined, w.as.outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Hidden Qz');
      expect((await call(t, 'PUT', `/api/v1/posts/${privPost}/bookmark`, undefined, w.as.admin)).statusCode).toBe(404);
      expect((await call(t, 'GET', '/api/v1/me/bookmarks')).statusCode).toBe(401);
      expect(await count(t.deps.db, 'bookmarks')).toBe(before);
    });
  });

  describe('the bookmark button and /bookmarks', () => {
    it('toggles from the topic page, with aria-pressed saying the state', async () => {
      const topic = await topicVia(t, w.as.member, w.pub.slug, { title: 'Anvil care' });
      const opening = await openingOf(topic);
      const url = `/c/${w.pub.slug}/t/${topic}`;
      expect((await t.app.inject({ url, headers: { cookie: w.as.moderator.cookie } })).body).toMatch(/aria-pressed="false"><span aria-hidden="true">☆ <\/span>Bookmark topic/);
      const res = await postForm(t, `/posts/${opening}/bookmark`, { on: '1', next: url }, w.as.moderator);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${url}#post-${opening}`);
      expect((await t.app.inject({ url, headers: { cookie: w.as.moderator.cookie } })).body).toMatch(/aria-pressed="true"><span aria-hidden="true">★ <\/span>Bookmark topic/);
      const page = await t.app.inject({ url: '/bookmarks', headers: { cookie: w.as.moderator.cookie } });
      expect(page.body).toContain('<h1>Bookmarks</h1>');
      expect(page.body).toContain(`href="${url}#post-${opening}">Anvil care</a>`);
      const removed = await postForm(t, `/posts/${opening}/bookmark`, { on: '0', next: '/bookmarks' }, w.as.moderator);
      expect(removed.headers.location).toBe(`/bookmarks#post-${opening}`);
      expect((await t.app.inject({ url: '/bookmarks', headers: { cookie: w.as.moderator.cookie } })).body).not.toContain('Anvil care');
    });

    it('sends anonymous visitors to sign in, and never back to another site', async () => {
      const res = await t.app.inject({ url: '/bookmarks' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/signin?next=%2Fbookmarks');
      const post = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.pub.slug));
      const away = await postForm(t, `/posts/${post}/bookmark`, { on: '1', next: '//evil.example/' }, w.as.member);
      expect(away.headers.location).toMatch(/^\/c\//);
    });
  });
});
