import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../discussions/discussions.fixtures.ts';
import { expected, places, roles, routesOf, signInRoles, type Place, type Role } from '../../discussions/moderation/authz.fixtures.ts';
import { tie } from './network.fixtures.ts';
import { rebuildNetwork } from './network.rebuild.ts';
import { networkRoutes } from './network.routes.ts';
import { WORLD_AT, WORLD_NOW } from './network.world.ts';

/*
 * Every network route × who asks × public/private community. Community networks follow the read rule
 * (a private one is 404 for non-members); the organisation network answers everyone (filtered to what
 * they may read); rebuilding is for organisation admins only. The private community's people never leak.
 */
interface Case {
  name: string;
  want(role: Role, place: Place): number;
  write?: boolean;
  call(t: TestApp, slug: string, b: Browser | undefined, username: string): Promise<LightMyRequestResponse>;
}
const get = (t: TestApp, url: string, b: Browser | undefined) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
const adminOnly = (ok: number) => (role: Role) => (role === 'anonymous' ? 401 : role === 'admin (not a member)' ? ok : 403);

const table: Case[] = [
  { name: 'GET /api/v1/network', want: () => 200, call: (t, _s, b) => api(t, 'GET', '/api/v1/network', undefined, b) },
  { name: 'GET /network', want: () => 200, call: (t, _s, b) => get(t, '/network', b) },
  { name: 'GET /api/v1/communities/:slug/network', want: (r, p) => expected('read', 200, r, p), call: (t, s, b) => api(t, 'GET', `/api/v1/communities/${s}/network`, undefined, b) },
  { name: 'GET /c/:slug/network', want: (r, p) => expected('read', 200, r, p), call: (t, s, b) => get(t, `/c/${s}/network`, b) },
  { name: 'GET /api/v1/users/:username/connections', want: () => 200, call: (t, _s, b, u) => api(t, 'GET', `/api/v1/users/${u}/connections`, undefined, b) },
  { name: 'POST /api/v1/network/rebuild', write: true, want: adminOnly(200), call: (t, _s, b) => api(t, 'POST', '/api/v1/network/rebuild', {}, b) },
  { name: 'POST /network/rebuild', write: true, want: adminOnly(303), call: (t, _s, b) => postForm(t, '/network/rebuild', {}, b) },
];

describeEachDialect('network authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const slugs = new Map<Place, string>();
  const secret = `Netsecret${dialect}`;
  let tied = ''; // the moderator: tied to the hidden member in the private community
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(WORLD_NOW) });
    const people = await signInRoles(t, as);
    tied = people.moderator.username;
    for (const place of places) {
      const c = await makeCommunity(t.deps.db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(t.deps.db, c.id, people.moderator.id, 'moderator');
      await addMember(t.deps.db, c.id, people.member.id, 'member');
      await tie(t.deps.db, c.id, people.steward.id, people.member.id, WORLD_AT);
      slugs.set(place, c.slug);
      if (place === 'private') {
        const hidden = await makeUser(t.deps.db, { display_name: secret });
        await addMember(t.deps.db, c.id, hidden.id);
        await tie(t.deps.db, c.id, hidden.id, people.moderator.id, WORLD_AT);
      }
    }
    await rebuildNetwork(t.deps.db, { now: WORLD_NOW });
  });
  afterAll(async () => t.close());

  it('covers every route networkRoutes registers', async () => {
    expect(await routesOf(networkRoutes, t.deps)).toEqual(table.map((c) => c.name).sort());
  });

  it('answers every route as the matrix says, refusals write nothing, and the private network never leaks', { timeout: 120_000 }, async () => {
    const mismatches: string[] = [];
    for (const place of places) {
      for (const c of table) {
        for (const role of roles) {
          const before = [await countRows(t.deps.db, 'network_builds'), await countRows(t.deps.db, 'activity')];
          const res = await c.call(t, slugs.get(place)!, as.get(role), tied);
          const want = c.want(role, place);
          if (res.statusCode !== want) mismatches.push(`${place} ${c.name} as ${role}: ${res.statusCode}, expected ${want}`);
          const after = [await countRows(t.deps.db, 'network_builds'), await countRows(t.deps.db, 'activity')];
          if (c.write && want >= 400 && JSON.stringify(after) !== JSON.stringify(before)) mismatches.push(`${place} ${c.name} as ${role} wrote something`);
          const member = role === 'member' || role === 'moderator' || role === 'steward';
          if (!member && res.body.includes(secret)) mismatches.push(`${place} ${c.name} as ${role} leaked the private network`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
