import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { tickingClock } from '../discussions/discussions.fixtures.ts';
import { call, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../discussions/moderation/moderation.fixtures.ts';

describeEachDialect('notifications API', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  /** A fresh member of both the public and the private community, signed in. */
  async function newcomer(): Promise<{ id: number; username: string; b: Browser }> {
    const u = await makeUser(t.deps.db);
    for (const c of [w.pub, w.priv]) await t.deps.db.insertInto('memberships').values({ community_id: c.id, user_id: u.id, role: 'member', created_at: new Date().toISOString() }).execute();
    return { id: u.id, username: u.username, b: await signInAs(t, u.id) };
  }
  const unread = async (b: Browser) => (await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, b)).json().count as number;
  const ids = async (b: Browser, q = '') => ((await call(t, 'GET', `/api/v1/notifications${q}`, undefined, b)).json().items as Array<{ id: number }>).map((n) => n.id);

  describe('GET /api/v1/notifications and /unread-count', () => {
    it('lists newest first with a cursor that neither repeats nor skips', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      for (let i = 0; i < 5; i += 1) await replyVia(t, w.as.member, topic, `Round ${i}, @${u.username}`);
      const all = await ids(u.b);
      expect(all).toHaveLength(5);
      expect([...all].sort((a, b) => b - a)).toEqual(all);
      const first = (await call(t, 'GET', '/api/v1/notifications?limit=2', undefined, u.b)).json();
      const second = (await call(t, 'GET', `/api/v1/notifications?limit=2&cursor=${first.nextCursor}`, undefined, u.b)).json();
      const third = (await call(t, 'GET', `/api/v1/notifications?limit=2&cursor=${second.nextCursor}`, undefined, u.b)).json();
      expect([...first.items, ...second.items, ...third.items].map((n: { id: number }) => n.id)).toEqual(all);
      expect(third.nextCursor).toBeNull();
      expect(await unread(u.b)).toBe(5);
    });

    it('answers a bad cursor with 400 naming cursor, and anonymous callers with 401', async () => {
      const u = await newcomer();
      expect((await call(t, 'GET', '/api/v1/notifications?cursor=%%%', undefined, u.b)).json().error.details[0].field).toBe('cursor');
      expect((await call(t, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
      expect((await call(t, 'POST', '/api/v1/notifications/read', {})).statusCode).toBe(401);
    });

    it('applies the visibility rule when reading: leaving a private community hides its notifications, rejoining shows them', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.member, w.priv.slug, { title: 'Closed-door plans Qz' });
      await replyVia(t, w.as.member, topic, `@${u.username} see this`);
      expect(await unread(u.b)).toBe(1);
      await t.deps.db.deleteFrom('memberships').where('community_id', '=', w.priv.id).where('user_id', '=', u.id).execute();
      const res = await call(t, 'GET', '/api/v1/notifications', undefined, u.b);
      expect(res.json().items).toEqual([]);
      expect(res.body).not.toContain('Closed-door plans Qz');
      expect(await unread(u.b)).toBe(0);
      expect((await t.app.inject({ url: '/notifications', headers: { cookie: u.b.cookie } })).body).not.toContain('Closed-door plans Qz');
      await t.deps.db.insertInto('memberships').values({ community_id: w.priv.id, user_id: u.id, role: 'member', created_at: new Date().toISOString() }).execute();
      expect(await unread(u.b)).toBe(1);
    });

    it('hides notifications about deleted posts, and follows a topic moved to a community the reader cannot read', async () => {
      const u = await newcomer();
      const a = await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.pub.slug), `@${u.username} one`);
      const movedTopic = await topicVia(t, w.as.member, w.pub.slug);
      await replyVia(t, w.as.member, movedTopic, `@${u.username} two`);
      expect(await unread(u.b)).toBe(2);
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', a).execute();
      expect(await unread(u.b)).toBe(1);
      const hidden = await t.deps.db.selectFrom('communities').select('id').where('slug', '=', w.other.slug).executeTakeFirstOrThrow();
      await t.deps.db.updateTable('communities').set({ visibility: 'private' }).where('id', '=', hidden.id).execute();
      expect((await call(t, 'POST', `/api/v1/topics/${movedTopic}/move`, { community: w.other.slug }, w.as.steward)).statusCode).toBe(200);
      expect(await ids(u.b)).toEqual([]);
      await t.deps.db.updateTable('communities').set({ visibility: 'public' }).where('id', '=', hidden.id).execute();
    });

    it('filters to unread ones on request', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      await replyVia(t, w.as.member, topic, `@${u.username} a`);
      await replyVia(t, w.as.member, topic, `@${u.username} b`);
      const [newest, older] = await ids(u.b);
      await call(t, 'POST', '/api/v1/notifications/read', { ids: [newest] }, u.b);
      expect(await ids(u.b, '?unread=true')).toEqual([older]);
    });
  });

  describe('POST /api/v1/notifications/read', () => {
    it('marks the listed ones read, ignoring ids that are not the caller’s, then all', async () => {
      const u = await newcomer();
      const other = await newcomer();
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      for (const who of [u, u, u, other]) await replyVia(t, w.as.member, topic, `@${who.username}`);
      const [mine] = await ids(u.b);
      const [theirs] = await ids(other.b);
      const res = await call(t, 'POST', '/api/v1/notifications/read', { ids: [mine, theirs] }, u.b);
      expect(res.json()).toEqual({ marked: 1, unread: 2 });
      expect(await unread(other.b)).toBe(1);
      const all = await call(t, 'POST', '/api/v1/notifications/read', undefined, u.b);
      expect(all.json()).toEqual({ marked: 2, unread: 0 });
      const read = (await call(t, 'GET', '/api/v1/notifications', undefined, u.b)).json().items as Array<{ readAt: string | null }>;
      expect(read.every((n) => n.readAt !== null)).toBe(true);
    });

    it('rejects ids that are not numbers with 400 naming ids, marking nothing', async () => {
      const u = await newcomer();
      await replyVia(t, w.as.member, await topicVia(t, w.as.member, w.pub.slug), `@${u.username}`);
      for (const body of [{ ids: ['x'] }, { ids: 'all' }, { ids: Array.from({ length: 101 }, (_, i) => i + 1) }]) {
        const res = await call(t, 'POST', '/api/v1/notifications/read', body, u.b);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0].field).toMatch(/^ids/);
      }
      expect(await unread(u.b)).toBe(1);
    });
  });
});
