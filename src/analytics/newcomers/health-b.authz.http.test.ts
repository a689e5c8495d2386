import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../discussions/discussions.fixtures.ts';
import { expected, places, roles, routesOf, signInRoles, type Place, type Role } from '../../discussions/moderation/authz.fixtures.ts';
import { ask, joinedAt, respond } from '../responsiveness/questions.fixtures.ts';
import { responsivenessRoutes } from '../responsiveness/responsiveness.routes.ts';
import { newcomersRoutes } from './newcomers.routes.ts';

/*
 * Every responsiveness and newcomers route × who asks × public/private community. Aggregates follow
 * the read rule (404 for non-members of a private community); the named trajectories CSV is for
 * stewards and organisation admins only. A named newcomer with a rare discipline never reaches anyone
 * else: not their name, not their discipline.
 */
const NOW = new Date('2026-11-26T12:00:00.000Z');
const get = (t: TestApp, url: string, b: Browser | undefined) => (url.startsWith('/api/') ? api(t, 'GET', url, undefined, b) : t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} }));
const individuals = (role: Role, place: Place) => (role === 'steward' || (role === 'admin (not a member)' && place === 'public') ? 200 : 404);

const table: Array<{ name: string; url: (slug: string) => string; want(role: Role, place: Place): number }> = [
  { name: 'GET /api/v1/communities/:slug/health/responsiveness', url: (s) => `/api/v1/communities/${s}/health/responsiveness`, want: (r, p) => expected('read', 200, r, p) },
  { name: 'GET /c/:slug/health/responsiveness', url: (s) => `/c/${s}/health/responsiveness`, want: (r, p) => expected('read', 200, r, p) },
  ...['weeks', 'months', 'by-tenure', 'by-discipline'].map((x) => ({ name: `GET /c/:slug/health/responsiveness/${x}.csv`, url: (s: string) => `/c/${s}/health/responsiveness/${x}.csv`, want: (r: Role, p: Place) => expected('read', 200, r, p) })),
  { name: 'GET /api/v1/communities/:slug/health/newcomers', url: (s) => `/api/v1/communities/${s}/health/newcomers`, want: (r, p) => expected('read', 200, r, p) },
  { name: 'GET /c/:slug/health/newcomers', url: (s) => `/c/${s}/health/newcomers`, want: (r, p) => expected('read', 200, r, p) },
  ...['funnel', 'stalls', 'cohorts', 'months'].map((x) => ({ name: `GET /c/:slug/health/newcomers/${x}.csv`, url: (s: string) => `/c/${s}/health/newcomers/${x}.csv`, want: (r: Role, p: Place) => expected('read', 200, r, p) })),
  { name: 'GET /c/:slug/health/newcomers/trajectories.csv', url: (s) => `/c/${s}/health/newcomers/trajectories.csv`, want: individuals },
];

describeEachDialect('responsiveness and newcomers authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const slugs = new Map<Place, string>();
  const secret = { name: `Zed Secret ${dialect}`, discipline: 'Secretology' };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NOW) });
    const people = await signInRoles(t, as);
    for (const place of places) {
      const c = await makeCommunity(t.deps.db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(t.deps.db, c.id, people.moderator.id, 'moderator');
      await addMember(t.deps.db, c.id, people.member.id, 'member');
      const zed = await makeUser(t.deps.db, { display_name: secret.name, discipline: secret.discipline });
      await addMember(t.deps.db, c.id, zed.id);
      await joinedAt(t.deps.db, c.id, zed.id, '2026-10-01T00:00:00.000Z');
      const q = await ask(t.deps.db, c.id, zed.id, '2026-10-02T00:00:00.000Z');
      await respond(t.deps.db, c.id, q, people.moderator.id, '2026-10-02T05:00:00.000Z');
      slugs.set(place, c.slug);
    }
    await signInAs(t, people.steward.id);
  });
  afterAll(async () => t.close());

  it('covers every route the two parts register', async () => {
    const registered = [...(await routesOf(responsivenessRoutes, t.deps)), ...(await routesOf(newcomersRoutes, t.deps))].sort();
    expect(registered).toEqual(table.map((c) => c.name).sort());
  });

  it('answers every route as the matrix says, writes nothing, and shows the named newcomer only to those who may see individuals', { timeout: 120_000 }, async () => {
    const mismatches: string[] = [];
    const before = await countRows(t.deps.db, 'activity');
    for (const place of places) {
      for (const c of table) {
        for (const role of roles) {
          const res: LightMyRequestResponse = await get(t, c.url(slugs.get(place)!), as.get(role));
          const want = c.want(role, place);
          if (res.statusCode !== want) mismatches.push(`${place} ${c.name} as ${role}: ${res.statusCode}, expected ${want}`);
          const leak = res.body.includes(secret.name) || res.body.includes(secret.discipline);
          if (leak && individuals(role, place) !== 200) mismatches.push(`${place} ${c.name} as ${role} leaked the named newcomer`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('does show the steward the newcomer by name', async () => {
    const res = await get(t, `/c/${slugs.get('private')}/health/newcomers/trajectories.csv`, as.get('steward'));
    expect(res.body).toContain(secret.name);
  });
});
