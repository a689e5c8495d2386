import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase, signInRoles } from '../discussions/moderation/authz.fixtures.ts';
import { call, replyVia, topicVia } from '../discussions/moderation/moderation.fixtures.ts';
import { notificationsRoutes } from './notifications.routes.ts';

interface Spot {
  secret: string;
}

const table: Array<RouteCase<Spot>> = [
  { method: 'GET', route: '/notifications', need: 'personal', ok: 200, anonymous: 303, call: (t, _p, b) => t.app.inject({ url: '/notifications', headers: b ? { cookie: b.cookie } : {} }) },
  { method: 'POST', route: '/notifications/read', need: 'personal', ok: 303, call: (t, _p, b) => postForm(t, '/notifications/read', {}, b) },
  { method: 'GET', route: '/api/v1/notifications', need: 'personal', ok: 200, call: (t, _p, b) => call(t, 'GET', '/api/v1/notifications', undefined, b) },
  { method: 'GET', route: '/api/v1/notifications/unread-count', need: 'personal', ok: 200, call: (t, _p, b) => call(t, 'GET', '/api/v1/notifications/unread-count', undefined, b) },
  { method: 'POST', route: '/api/v1/notifications/read', need: 'personal', ok: 200, call: (t, _p, b) => call(t, 'POST', '/api/v1/notifications/read', { ids: [1, 2, 3] }, b) },
];

describeEachDialect('notifications authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    const everyone = Object.values(people).map((u) => `@${u.username}`).join(' ');
    for (const place of places) {
      const secret = `NOTESECRET${dialect}${place}`;
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const topic = await topicVia(t, as.get('steward')!, c.slug, { title: `Title ${secret}` });
      await replyVia(t, as.get('member')!, topic, `Hello ${everyone}`);
      spots.set(place, { secret });
    }
  });
  afterAll(async () => t.close());

  it('covers every route notificationsRoutes registers', async () => {
    expect(await routesOf(notificationsRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role, and shows a ${place} community’s notifications to its readers only`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (!reader) expect(res.body, `${role} saw the private topic`).not.toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }

  it('shows each reader their notification about the public topic, and the private one to its members only', async () => {
    for (const role of ['outsider', 'admin (not a member)', 'moderator'] as const) {
      const body = (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: as.get(role)!.cookie } })).body;
      expect(body, role).toContain(spots.get('public')!.secret);
      expect(body.includes(spots.get('private')!.secret), role).toBe(role === 'moderator');
    }
  });
});
