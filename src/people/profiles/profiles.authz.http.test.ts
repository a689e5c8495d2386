import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { profilesRoutes } from './profiles.routes.ts';

/*
 * Every route of src/people/profiles × who is asking. These routes belong to a person, not a
 * community: "owner" is the person whose profile the route is about (for /me routes: the caller).
 * Writes run against a fresh owner with a declared skill, so rows do not depend on order; refused
 * writes change nothing.
 */

type Role = 'anonymous' | 'other member' | 'owner' | 'admin';
const roles: Role[] = ['anonymous', 'other member', 'owner', 'admin'];
type As = Omit<Browser, 'userId'>;
interface Ctx { username: string; as: As }
interface Route {
  name: string;
  write: boolean;
  /** Run before the call as the caller (e.g. endorse before withdrawing). */
  before?: (t: TestApp, c: Ctx) => Promise<unknown>;
  call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>;
  expect: Record<Role, number>;
}

const all = (ok: number) => ({ anonymous: ok, 'other member': ok, owner: ok, admin: ok });
const signedIn = (ok: number, anon = 401) => ({ anonymous: anon, 'other member': ok, owner: ok, admin: ok });
const notSelf = (ok: number, self: number) => ({ anonymous: 401, 'other member': ok, owner: self, admin: ok });
const get = (t: TestApp, url: string, as: As) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });

const routes: Route[] = [
  { name: 'GET /api/v1/me/profile', write: false, call: (t, c) => api(t, 'GET', '/api/v1/me/profile', undefined, c.as), expect: signedIn(200) },
  { name: 'PATCH /api/v1/me/profile', write: true, call: (t, c) => api(t, 'PATCH', '/api/v1/me/profile', { headline: 'Matrix' }, c.as), expect: signedIn(200) },
  { name: 'PUT /api/v1/me/skills', write: true, call: (t, c) => api(t, 'PUT', '/api/v1/me/skills', { skills: [{ skill: 'Matrix', level: 'expert' }] }, c.as), expect: signedIn(200) },
  { name: 'POST /api/v1/me/skills', write: true, call: (t, c) => api(t, 'POST', '/api/v1/me/skills', { skill: 'Matrix', level: 'expert' }, c.as), expect: signedIn(200) },
  {
    name: 'DELETE /api/v1/me/skills/:skillKey', write: true,
    before: (t, c) => api(t, 'POST', '/api/v1/me/skills', { skill: 'Own', level: 'learning' }, c.as),
    call: (t, c) => api(t, 'DELETE', '/api/v1/me/skills/own', {}, c.as), expect: signedIn(200),
  },
  { name: 'POST /api/v1/users/:username/skills/:skillKey/endorsement', write: true, call: (t, c) => api(t, 'POST', `/api/v1/users/${c.username}/skills/gis/endorsement`, {}, c.as), expect: notSelf(200, 403) },
  {
    name: 'DELETE /api/v1/users/:username/skills/:skillKey/endorsement', write: true,
    before: (t, c) => api(t, 'POST', `/api/v1/users/${c.username}/skills/gis/endorsement`, {}, c.as),
    call: (t, c) => api(t, 'DELETE', `/api/v1/users/${c.username}/skills/gis/endorsement`, {}, c.as), expect: notSelf(200, 403),
  },
  { name: 'POST /api/v1/users/:username/follow', write: true, call: (t, c) => api(t, 'POST', `/api/v1/users/${c.username}/follow`, {}, c.as), expect: notSelf(200, 400) },
  {
    name: 'DELETE /api/v1/users/:username/follow', write: true,
    before: (t, c) => api(t, 'POST', `/api/v1/users/${c.username}/follow`, {}, c.as),
    call: (t, c) => api(t, 'DELETE', `/api/v1/users/${c.username}/follow`, {}, c.as), expect: notSelf(200, 400),
  },
  { name: 'GET /api/v1/users/:username/contributions', write: false, call: (t, c) => api(t, 'GET', `/api/v1/users/${c.username}/contributions`, undefined, c.as), expect: all(200) },
  { name: 'GET /api/v1/users/:username/followers', write: false, call: (t, c) => api(t, 'GET', `/api/v1/users/${c.username}/followers`, undefined, c.as), expect: all(200) },
  { name: 'GET /api/v1/users/:username/following', write: false, call: (t, c) => api(t, 'GET', `/api/v1/users/${c.username}/following`, undefined, c.as), expect: all(200) },
  { name: 'GET /u/:username/followers', write: false, call: (t, c) => get(t, `/u/${c.username}/followers`, c.as), expect: all(200) },
  { name: 'GET /u/:username/following', write: false, call: (t, c) => get(t, `/u/${c.username}/following`, c.as), expect: all(200) },
  { name: 'POST /u/:username/follow', write: true, call: (t, c) => postForm(t, `/u/${c.username}/follow`, {}, c.as), expect: notSelf(303, 400) },
  {
    name: 'POST /u/:username/unfollow', write: true,
    before: (t, c) => postForm(t, `/u/${c.username}/follow`, {}, c.as),
    call: (t, c) => postForm(t, `/u/${c.username}/unfollow`, {}, c.as), expect: notSelf(303, 400),
  },
  { name: 'POST /u/:username/skills/:skillKey/endorse', write: true, call: (t, c) => postForm(t, `/u/${c.username}/skills/gis/endorse`, {}, c.as), expect: notSelf(303, 403) },
  {
    name: 'POST /u/:username/skills/:skillKey/unendorse', write: true,
    before: (t, c) => postForm(t, `/u/${c.username}/skills/gis/endorse`, {}, c.as),
    call: (t, c) => postForm(t, `/u/${c.username}/skills/gis/unendorse`, {}, c.as), expect: notSelf(303, 403),
  },
];

describeEachDialect('profiles authorization matrix', (dialect) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const counts = async () => Promise.all((['follows', 'skill_endorsements', 'user_skills', 'profile_field_privacy'] as const).map((tbl) => countRows(t.deps.db, tbl)));

  /** A fresh profile owner with the skill "GIS", and one browser per role. */
  async function fresh(): Promise<{ username: string; as: Record<Role, As> }> {
    n += 1;
    const owner = await makeUser(t.deps.db, { username: `owner-${n}` });
    const ownerAs = await signInAs(t, owner.id);
    await api(t, 'PUT', '/api/v1/me/skills', { skills: [{ skill: 'GIS', level: 'expert' }] }, ownerAs);
    const other = await signInAs(t, (await makeUser(t.deps.db)).id);
    const admin = await signInAs(t, (await makeUser(t.deps.db, { role: 'admin' })).id);
    return { username: owner.username, as: { anonymous: anonymousBrowser(), 'other member': other, owner: ownerAs, admin } };
  }

  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 180_000 }, async () => {
    const shared = await fresh();
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of roles) {
        const w = route.write ? await fresh() : shared;
        const c = { username: w.username, as: w.as[role] };
        if (route.before && role !== 'anonymous') await route.before(t, c);
        const before = await counts();
        const res = await route.call(t, c);
        const want = route.expect[role];
        if (res.statusCode !== want) mismatches.push(`${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
        if (route.write && want >= 400 && JSON.stringify(await counts()) !== JSON.stringify(before)) mismatches.push(`${route.name} as ${role} wrote something`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route profilesRoutes registers', async () => {
    const registered = await routesOf(profilesRoutes, t.deps);
    expect(registered).toEqual(routes.map((r) => r.name).sort());
  });
});
