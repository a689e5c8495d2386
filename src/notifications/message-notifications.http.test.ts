import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { tickingClock } from '../discussions/discussions.fixtures.ts';
import { call } from '../discussions/moderation/moderation.fixtures.ts';
import { insertMessageNotifications } from './notifications.store.ts';

describeEachDialect('notifications not tied to a topic', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const at = () => new Date().toISOString();

  describe('GET /api/v1/notifications', () => {
    it('lists a data notification with its text and url, counts it unread, and shows it to its user only', async () => {
      const [mentee, mentor, other] = [await makeUser(t.deps.db), await makeUser(t.deps.db, { display_name: 'Mira Mentor' }), await makeUser(t.deps.db)];
      await insertMessageNotifications(t.deps.db, [{ userId: mentee.id, kind: 'mentoring_accepted', actorId: mentor.id, data: { text: 'Mira Mentor accepted your mentoring request Zx1', url: '/mentoring/7' }, at: at() }]);
      const b = await signInAs(t, mentee.id);
      const list = (await call(t, 'GET', '/api/v1/notifications', undefined, b)).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ kind: 'mentoring_accepted', topic: null, community: null, postId: null, data: { text: 'Mira Mentor accepted your mentoring request Zx1', url: '/mentoring/7' }, url: '/mentoring/7', actor: { id: mentor.id } });
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, b)).json().count).toBe(1);
      const page = await t.app.inject({ url: '/notifications', headers: { cookie: b.cookie } });
      expect(page.body).toContain('href="/mentoring/7"');
      expect(page.body).toContain('Mira Mentor accepted your mentoring request Zx1');

      const ob = await signInAs(t, other.id);
      expect((await call(t, 'GET', '/api/v1/notifications', undefined, ob)).json().items).toEqual([]);
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, ob)).json().count).toBe(0);
      expect((await t.app.inject({ url: '/notifications', headers: { cookie: ob.cookie } })).body).not.toContain('Zx1');

      const marked = (await call(t, 'POST', '/api/v1/notifications/read', { ids: [list.items[0].id] }, ob)).json();
      expect(marked.marked).toBe(0);
      expect((await call(t, 'POST', '/api/v1/notifications/read', { ids: [list.items[0].id] }, b)).json()).toEqual({ marked: 1, unread: 0 });
    });

    it('hides a data notification tied to a private community once its user can no longer read the community', async () => {
      const [owner, u] = [await makeUser(t.deps.db), await makeUser(t.deps.db)];
      const priv = await makeCommunity(t.deps.db, owner.id, { visibility: 'private' });
      await addMember(t.deps.db, priv.id, u.id);
      await insertMessageNotifications(t.deps.db, [{ userId: u.id, kind: 'mentoring_request', actorId: owner.id, communityId: priv.id, data: { text: 'A request about Qp9', url: '/mentoring' }, at: at() }]);
      const b = await signInAs(t, u.id);
      expect((await call(t, 'GET', '/api/v1/notifications', undefined, b)).json().items).toHaveLength(1);
      await t.deps.db.deleteFrom('memberships').where('community_id', '=', priv.id).where('user_id', '=', u.id).execute();
      const res = await call(t, 'GET', '/api/v1/notifications', undefined, b);
      expect(res.json().items).toEqual([]);
      expect(res.body).not.toContain('Qp9');
      expect((await call(t, 'GET', '/api/v1/notifications/unread-count', undefined, b)).json().count).toBe(0);
    });

    it('refuses to store a url that is not a local path', async () => {
      const u = await makeUser(t.deps.db);
      await expect(insertMessageNotifications(t.deps.db, [{ userId: u.id, kind: 'mentoring_ended', actorId: null, data: { text: 'x', url: '//evil.example/' }, at: at() }])).rejects.toThrow(/local path/);
      expect(await t.deps.db.selectFrom('notifications').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
    });
  });
});
