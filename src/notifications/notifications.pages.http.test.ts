import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { tickingClock } from '../discussions/discussions.fixtures.ts';
import { call, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../discussions/moderation/moderation.fixtures.ts';

describeEachDialect('notifications pages', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());

  async function newcomer(): Promise<{ username: string; b: Browser }> {
    const u = await makeUser(t.deps.db, { display_name: 'Nia Newcomer' });
    await t.deps.db.insertInto('memberships').values({ community_id: w.pub.id, user_id: u.id, role: 'member', created_at: new Date().toISOString() }).execute();
    return { username: u.username, b: await signInAs(t, u.id) };
  }
  const get = (url: string, b?: Browser) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });

  describe('the header', () => {
    it('shows signed-in members their unread count with accessible text, and nothing when all is read', async () => {
      const u = await newcomer();
      expect((await get('/communities', u.b)).body).toMatch(/<a href="\/notifications" class="site-user__notifications">Notifications<\/a>/);
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      await replyVia(t, w.as.member, topic, `@${u.username} one`);
      await replyVia(t, w.as.member, topic, `@${u.username} two`);
      const body = (await get('/communities', u.b)).body;
      expect(body).toContain('Notifications<span class="notification-count"> (2<span class="visually-hidden"> unread</span>)</span>');
      await call(t, 'POST', '/api/v1/notifications/read', {}, u.b);
      expect((await get(`/c/${w.pub.slug}/t/${topic}`, u.b)).body).not.toContain('notification-count');
    });

    it('has no notifications link for anonymous visitors', async () => {
      expect((await get('/communities')).body).not.toContain('href="/notifications"');
    });
  });

  describe('/notifications', () => {
    it('lists notifications newest first, marks unread ones, and links each to its post', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.steward, w.pub.slug, { title: 'Bellows repair' });
      const first = await replyVia(t, w.as.member, topic, `@${u.username} first`);
      const second = await replyVia(t, w.as.moderator, topic, `@${u.username} second`);
      await call(t, 'POST', '/api/v1/notifications/read', { ids: [(await call(t, 'GET', '/api/v1/notifications?limit=1', undefined, u.b)).json().items[0].id] }, u.b);
      const res = await get('/notifications', u.b);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Notifications</h1>');
      const a = res.body.indexOf(`#post-${second}`);
      const b = res.body.indexOf(`#post-${first}`);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(a);
      expect(res.body).toContain(`Mo Moderator mentioned you in <a href="/c/${w.pub.slug}/t/${topic}#post-${second}">Bellows repair</a>`);
      expect(res.body.match(/class="notification notification--unread"/g)).toHaveLength(1);
      expect(res.body).toContain('<span class="visually-hidden">Unread: </span>Mae Member');
      expect(res.body).toContain('Mark all read');
    });

    it('marks all read with the form, or one at a time', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      for (let i = 0; i < 3; i += 1) await replyVia(t, w.as.member, topic, `@${u.username} ${i}`);
      const [one] = (await call(t, 'GET', '/api/v1/notifications', undefined, u.b)).json().items as Array<{ id: number }>;
      const single = await postForm(t, '/notifications/read', { id: String(one!.id) }, u.b);
      expect(single.statusCode).toBe(303);
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, u.b)).json().count).toBe(2);
      const all = await postForm(t, '/notifications/read', {}, u.b);
      expect(all.statusCode).toBe(303);
      expect(all.headers.location).toBe('/notifications');
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, u.b)).json().count).toBe(0);
      const page = (await get('/notifications', u.b)).body;
      expect(page).toContain('You are all caught up.');
      expect(page).not.toContain('Mark all read');
    });

    it('says so when there is nothing yet, sends anonymous visitors to sign in, and refuses anonymous form posts', async () => {
      const u = await newcomer();
      expect((await get('/notifications', u.b)).body).toContain('No notifications yet');
      const anon = await get('/notifications');
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toBe('/signin?next=%2Fnotifications');
      expect((await postForm(t, '/notifications/read', {})).statusCode).toBe(401);
    });

    it('pages with a next link', async () => {
      const u = await newcomer();
      const topic = await topicVia(t, w.as.member, w.pub.slug);
      for (let i = 0; i < 31; i += 1) await replyVia(t, w.as.member, topic, `@${u.username} ${i}`);
      const first = (await get('/notifications', u.b)).body;
      const next = /href="(\/notifications\?cursor=[^"]+)" rel="next"/.exec(first)?.[1];
      expect(next).toBeDefined();
      const second = (await get(next!, u.b)).body;
      expect(second.match(/class="notification[ "]/g)).toHaveLength(1);
    });
  });
});
