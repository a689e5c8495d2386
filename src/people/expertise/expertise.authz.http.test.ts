import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { places, roles, routesOf, signInRoles, type Place, type Role } from '../../discussions/moderation/authz.fixtures.ts';
import { acceptAt, answeredQuestion } from './expertise.fixtures.ts';
import { rebuildExpertise } from './expertise.hooks.ts';
import { expertiseRoutes } from './expertise.routes.ts';

/*
 * Every expertise, recognition and finder route × role × public/private community. Member pages and
 * the finder answer everyone (what they show is filtered by what the viewer may read: the private
 * answer's title must never reach a non-member); leaderboards follow the visibility rule; the
 * leaderboard setting is for stewards and admins (404 for non-members of the private community).
 */

interface Ctx { slug: string; username: string; as: Browser | undefined }
interface Route { name: string; write: boolean; call(t: TestApp, c: Ctx): Promise<LightMyRequestResponse>; want(role: Role, place: Place): number }

const everyone = () => 200;
const readers = (role: Role, place: Place) => (place === 'public' || ['member', 'moderator', 'steward'].includes(role) ? 200 : 404);
const stewards = (ok: number, anonymous = 401) => (role: Role, place: Place) => {
  if (role === 'anonymous') return anonymous;
  if (readers(role, place) === 404) return 404;
  return role === 'steward' || role === 'admin (not a member)' ? ok : 403;
};
const page = (t: TestApp, url: string, as: Browser | undefined) => t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });

const routes: Route[] = [
  { name: 'GET /api/v1/users/:username/expertise', write: false, call: (t, c) => api(t, 'GET', `/api/v1/users/${c.username}/expertise`, undefined, c.as), want: everyone },
  { name: 'GET /api/v1/users/:username/recognition', write: false, call: (t, c) => api(t, 'GET', `/api/v1/users/${c.username}/recognition`, undefined, c.as), want: everyone },
  { name: 'GET /u/:username/expertise/:tag', write: false, call: (t, c) => page(t, `/u/${c.username}/expertise/chisels`, c.as), want: everyone },
  { name: 'GET /api/v1/experts', write: false, call: (t, c) => api(t, 'GET', `/api/v1/experts?skill=chisels&community=${c.slug}`, undefined, c.as), want: readers },
  { name: 'GET /experts', write: false, call: (t, c) => page(t, `/experts?skill=chisels&community=${c.slug}`, c.as), want: readers },
  { name: 'GET /api/v1/communities/:slug/leaderboard', write: false, call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/leaderboard`, undefined, c.as), want: readers },
  { name: 'GET /c/:slug/leaderboard', write: false, call: (t, c) => page(t, `/c/${c.slug}/leaderboard`, c.as), want: readers },
  { name: 'GET /api/v1/communities/:slug/leaderboard/settings', write: false, call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/leaderboard/settings`, undefined, c.as), want: stewards(200) },
  { name: 'GET /c/:slug/leaderboard/settings', write: false, call: (t, c) => page(t, `/c/${c.slug}/leaderboard/settings`, c.as), want: stewards(200) },
  { name: 'PUT /api/v1/communities/:slug/leaderboard/settings', write: true, call: (t, c) => api(t, 'PUT', `/api/v1/communities/${c.slug}/leaderboard/settings`, { leaderboardEnabled: false }, c.as), want: stewards(200) },
  { name: 'POST /c/:slug/leaderboard/settings', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/leaderboard/settings`, { leaderboardEnabled: 'false' }, c.as ?? anonymousBrowser()), want: stewards(303) },
];

describeEachDialect('expertise and recognition authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const slugs = {} as Record<Place, string>;
  let expert = '';
  const settings = () => t.deps.db.selectFrom('community_recognition_settings').selectAll().execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(new Date('2026-11-01T09:00:00Z')) });
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    for (const place of places) {
      const c = await makeCommunity(db, people.steward.id, { visibility: place, join_policy: place === 'public' ? 'open' : 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id);
      slugs[place] = c.slug;
      const q = await answeredQuestion(db, c.id, people.steward.id, people.member.id, ['chisels'], place === 'private' ? 'SecretQz chisel question' : 'Open chisel question');
      await acceptAt(db, q.topicId, q.answerId, c.id, '2026-11-01T09:00:00.000Z');
    }
    expert = people.member.username;
    await rebuildExpertise(db, '2026-11-01T09:00:00.000Z');
  });
  afterAll(async () => t.close());

  it('answers every route as the matrix says; refused writes change nothing; nothing private leaks', { timeout: 180_000 }, async () => {
    const mismatches: string[] = [];
    for (const place of places) {
      for (const route of routes) {
        for (const role of roles) {
          const want = route.want(role, place);
          const before = JSON.stringify(await settings());
          const res = await route.call(t, { slug: slugs[place], username: expert, as: as.get(role) });
          if (res.statusCode !== want) mismatches.push(`${place} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (route.write && want >= 400 && JSON.stringify(await settings()) !== before) mismatches.push(`${place} ${route.name} as ${role} wrote something`);
          if (readers(role, place) === 404 && res.body.includes('SecretQz')) mismatches.push(`${place} ${route.name} as ${role} leaked`);
          if (route.write) await t.deps.db.deleteFrom('community_recognition_settings').execute();
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route expertiseRoutes registers', async () => {
    expect(await routesOf(expertiseRoutes, t.deps)).toEqual(routes.map((r) => r.name).sort());
  });
});
