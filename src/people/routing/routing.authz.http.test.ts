import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { routesOf, signInRoles, type Role as BaseRole } from '../../discussions/moderation/authz.fixtures.ts';
import { ROUTING_NOW, routingCounts, taggedQuestion } from './routing.fixtures.ts';
import { routingRoutes } from './routing.routes.ts';
import { inviteToAnswer } from './routing.service.ts';

/*
 * Every routing route × who is asking × public/private community. The asker, stewards and moderators
 * route a question (suggestions, invitations); only the invitee declines; only stewards set the
 * response target. In the private community everyone who is not a member gets 404 (anonymous 401 or
 * 303 where sign-in comes first); refused writes change nothing and leak nothing.
 */

type Role = BaseRole | 'asker' | 'invitee';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'asker', 'invitee', 'moderator', 'steward', 'admin (not a member)'];
type Place = 'public' | 'private';
type Need = 'route' | 'personal' | 'invitee' | 'read' | 'steward';
type As = Omit<Browser, 'userId'>;
interface Ctx { slug: string; topicId: number; invitationId: number; target: string; as: As }
interface Route { name: string; write: boolean; need: Need; ok: number; anonymous: number; call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse> }

const isMember = (r: Role) => r === 'member' || r === 'asker' || r === 'invitee' || r === 'moderator' || r === 'steward';

function expected(route: Route, role: Role, place: Place): number {
  if (route.need === 'read') return place === 'public' || isMember(role) ? route.ok : 404;
  if (role === 'anonymous') return route.anonymous;
  if (route.need === 'personal') return route.ok;
  if (route.need === 'invitee') return role === 'invitee' ? route.ok : 404;
  if (place === 'private' && !isMember(role)) return 404;
  if (route.need === 'steward') return role === 'steward' ? route.ok : 403;
  return role === 'asker' || role === 'moderator' || role === 'steward' ? route.ok : 403;
}

const get = (t: TestApp, url: string, as: As) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
const routes: Route[] = [
  { name: 'GET /api/v1/topics/:id/suggested-answerers', write: false, need: 'route', ok: 200, anonymous: 401, call: (t, c) => api(t, 'GET', `/api/v1/topics/${c.topicId}/suggested-answerers`, undefined, c.as) },
  { name: 'POST /api/v1/topics/:id/invitations', write: true, need: 'route', ok: 201, anonymous: 401, call: (t, c) => api(t, 'POST', `/api/v1/topics/${c.topicId}/invitations`, { username: c.target }, c.as) },
  { name: 'GET /api/v1/me/answer-invitations', write: false, need: 'personal', ok: 200, anonymous: 401, call: (t, c) => api(t, 'GET', '/api/v1/me/answer-invitations', undefined, c.as) },
  { name: 'POST /api/v1/answer-invitations/:id/decline', write: true, need: 'invitee', ok: 204, anonymous: 401, call: (t, c) => api(t, 'POST', `/api/v1/answer-invitations/${c.invitationId}/decline`, {}, c.as) },
  { name: 'GET /api/v1/communities/:slug/routing', write: false, need: 'read', ok: 200, anonymous: 404, call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/routing`, undefined, c.as) },
  { name: 'PUT /api/v1/communities/:slug/routing', write: true, need: 'steward', ok: 200, anonymous: 401, call: (t, c) => api(t, 'PUT', `/api/v1/communities/${c.slug}/routing`, { responseTargetHours: 30 }, c.as) },
  { name: 'GET /c/:slug/t/:id/invite', write: false, need: 'route', ok: 200, anonymous: 303, call: (t, c) => get(t, `/c/${c.slug}/t/${c.topicId}/invite`, c.as) },
  { name: 'POST /c/:slug/t/:id/invitations', write: true, need: 'route', ok: 303, anonymous: 401, call: (t, c) => postForm(t, `/c/${c.slug}/t/${c.topicId}/invitations`, { username: c.target }, c.as) },
  { name: 'GET /me/answer-invitations', write: false, need: 'personal', ok: 200, anonymous: 303, call: (t, c) => get(t, '/me/answer-invitations', c.as) },
  { name: 'POST /me/answer-invitations/:id/decline', write: true, need: 'invitee', ok: 303, anonymous: 401, call: (t, c) => postForm(t, `/me/answer-invitations/${c.invitationId}/decline`, {}, c.as) },
  { name: 'GET /c/:slug/settings/routing', write: false, need: 'steward', ok: 200, anonymous: 303, call: (t, c) => get(t, `/c/${c.slug}/settings/routing`, c.as) },
  { name: 'POST /c/:slug/settings/routing', write: true, need: 'steward', ok: 303, anonymous: 401, call: (t, c) => postForm(t, `/c/${c.slug}/settings/routing`, { responseTargetHours: '30' }, c.as) },
];

describeEachDialect('routing authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<BaseRole, Browser | undefined>();
  let people: Awaited<ReturnType<typeof signInRoles>> & { asker: { id: number; username: string }; invitee: { id: number; username: string } };
  const places = {} as Record<Place, { id: number; slug: string }>;
  const browsers = {} as Record<Role, As>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(ROUTING_NOW) });
    const base = await signInRoles(t, as);
    const db = t.deps.db;
    people = { ...base, asker: await makeUser(db), invitee: await makeUser(db) };
    places.public = await makeCommunity(db, base.steward.id, { visibility: 'public', join_policy: 'open' });
    places.private = await makeCommunity(db, base.steward.id, { visibility: 'private', join_policy: 'invite' });
    for (const c of Object.values(places)) {
      await addMember(db, c.id, base.moderator.id, 'moderator');
      for (const u of [base.member, people.asker, people.invitee]) await addMember(db, c.id, u.id);
    }
    for (const r of roles) browsers[r] = r === 'asker' || r === 'invitee' ? await signInAs(t, people[r].id) : (as.get(r as BaseRole) ?? anonymousBrowser());
  });
  afterAll(async () => t.close());

  /** A fresh open question by the asker, with an open invitation of the invitee. */
  async function fresh(place: Place): Promise<Omit<Ctx, 'as'>> {
    const c = places[place];
    const q = await taggedQuestion(t.deps.db, c.id, people.asker.id, ['matrix'], 'SecretRouteQz');
    const actor = { id: people.asker.id, username: people.asker.username, displayName: 'Asker', role: 'member' as const };
    const inv = await inviteToAnswer(t.deps, actor, q.topicId, people.invitee.username);
    return { slug: c.slug, topicId: q.topicId, invitationId: inv.id, target: people.member.username };
  }

  it('answers every route as the matrix says, and refused writes change nothing and leak nothing', { timeout: 180_000 }, async () => {
    const shared = { public: await fresh('public'), private: await fresh('private') };
    const mismatches: string[] = [];
    for (const place of ['public', 'private'] as const) {
      for (const route of routes) {
        for (const role of roles) {
          const c = route.write ? await fresh(place) : shared[place];
          const want = expected(route, role, place);
          const before = await routingCounts(t.deps.db);
          const res = await route.call(t, { ...c, as: browsers[role] });
          if (res.statusCode !== want) mismatches.push(`${place} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (route.write && want >= 400 && JSON.stringify(await routingCounts(t.deps.db)) !== JSON.stringify(before)) mismatches.push(`${place} ${route.name} as ${role} wrote something`);
          if (place === 'private' && want >= 400 && res.body.includes('SecretRouteQz')) mismatches.push(`${route.name} as ${role} leaked`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route routingRoutes registers', async () => {
    expect(await routesOf(routingRoutes, t.deps)).toEqual(routes.map((r) => r.name).sort());
  });
});
