import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase } from '../moderation/authz.fixtures.ts';
import { call, replyVia, topicVia } from '../moderation/moderation.fixtures.ts';
import { engagementRoutes } from './engagement.routes.ts';

interface Spot {
  slug: string;
  secret: string;
  topicId: number;
  postId: number;
}

const page = (t: TestApp, url: string, b?: Browser) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });

const table: Array<RouteCase<Spot>> = [
  { method: 'GET', route: '/api/v1/posts/:id/reactions', need: 'read', ok: 200, call: (t, p, b) => call(t, 'GET', `/api/v1/posts/${p.postId}/reactions`, undefined, b) },
  { method: 'PUT', route: '/api/v1/posts/:id/reactions/:reaction', need: 'member', ok: 200, call: (t, p, b) => call(t, 'PUT', `/api/v1/posts/${p.postId}/reactions/thanks`, undefined, b) },
  { method: 'DELETE', route: '/api/v1/posts/:id/reactions/:reaction', need: 'member', ok: 200, call: (t, p, b) => call(t, 'DELETE', `/api/v1/posts/${p.postId}/reactions/thanks`, undefined, b) },
  { method: 'PUT', route: '/api/v1/posts/:id/bookmark', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'PUT', `/api/v1/posts/${p.postId}/bookmark`, undefined, b) },
  { method: 'DELETE', route: '/api/v1/posts/:id/bookmark', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'DELETE', `/api/v1/posts/${p.postId}/bookmark`, undefined, b) },
  { method: 'GET', route: '/api/v1/me/bookmarks', need: 'personal', ok: 200, call: (t, _p, b) => call(t, 'GET', '/api/v1/me/bookmarks', undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'GET', `/api/v1/topics/${p.topicId}/watch`, undefined, b) },
  { method: 'PUT', route: '/api/v1/topics/:id/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'PUT', `/api/v1/topics/${p.topicId}/watch`, { level: 'watch' }, b) },
  { method: 'DELETE', route: '/api/v1/topics/:id/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'DELETE', `/api/v1/topics/${p.topicId}/watch`, undefined, b) },
  { method: 'GET', route: '/api/v1/communities/:slug/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'GET', `/api/v1/communities/${p.slug}/watch`, undefined, b) },
  { method: 'PUT', route: '/api/v1/communities/:slug/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'PUT', `/api/v1/communities/${p.slug}/watch`, { level: 'track' }, b) },
  { method: 'DELETE', route: '/api/v1/communities/:slug/watch', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'DELETE', `/api/v1/communities/${p.slug}/watch`, undefined, b) },
  { method: 'GET', route: '/posts/:id/reactions', need: 'member', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `/posts/${p.postId}/reactions`, b) },
  { method: 'POST', route: '/posts/:id/reactions', need: 'member', ok: 303, call: (t, p, b) => postForm(t, `/posts/${p.postId}/reactions`, { reaction: 'love', on: '1' }, b) },
  { method: 'POST', route: '/posts/:id/bookmark', need: 'signed-in', ok: 303, call: (t, p, b) => postForm(t, `/posts/${p.postId}/bookmark`, { on: '1' }, b) },
  { method: 'GET', route: '/bookmarks', need: 'personal', ok: 200, anonymous: 303, call: (t, _p, b) => page(t, '/bookmarks', b) },
  { method: 'POST', route: '/c/:slug/t/:id/watch', need: 'signed-in', ok: 303, call: (t, p, b) => postForm(t, `/c/${p.slug}/t/${p.topicId}/watch`, { level: 'mute' }, b) },
  { method: 'GET', route: '/c/:slug/watch', need: 'signed-in', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `/c/${p.slug}/watch`, b) },
  { method: 'POST', route: '/c/:slug/watch', need: 'signed-in', ok: 303, call: (t, p, b) => postForm(t, `/c/${p.slug}/watch`, { level: 'watch' }, b) },
];

describeEachDialect('engagement authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const [steward, moderator, member, outsider, admin] = [await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db, { role: 'admin' })];
    as.set('anonymous', undefined);
    as.set('outsider', await signInAs(t, outsider.id));
    as.set('member', await signInAs(t, member.id));
    as.set('moderator', await signInAs(t, moderator.id));
    as.set('steward', await signInAs(t, steward.id));
    as.set('admin (not a member)', await signInAs(t, admin.id));
    for (const place of places) {
      const secret = `ENGSECRET${dialect}${place}`;
      const c = await makeCommunity(db, steward.id, place === 'public' ? {} : { name: `Name ${secret}`, visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, moderator.id, 'moderator');
      await addMember(db, c.id, member.id, 'member');
      const topicId = await topicVia(t, as.get('steward')!, c.slug, { title: `Title ${secret}`, body: `Body ${secret}` });
      const postId = await replyVia(t, as.get('steward')!, topicId, `Reply ${secret}`);
      spots.set(place, { slug: c.slug, secret, topicId, postId });
    }
  });
  afterAll(async () => t.close());

  it('covers every route engagementRoutes registers', async () => {
    expect(await routesOf(engagementRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role as the rules say in a ${place} community, and refusals leak nothing`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (res.statusCode >= 400 || (rc.need === 'personal' && !reader)) expect(res.body, `${role} saw the private content`).not.toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
