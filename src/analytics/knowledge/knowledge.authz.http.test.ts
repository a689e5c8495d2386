import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordActivity } from '../../core/activity.ts';
import { api, buildTestApp, fakeClock, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../discussions/discussions.fixtures.ts';
import { expected, places, roles, routesOf, signInRoles, type Place, type Role } from '../../discussions/moderation/authz.fixtures.ts';
import { knowledgeHealthRoutes } from './knowledge.routes.ts';

/*
 * Every knowledge health route × who asks × public/private community. All follow the read rule (a
 * private community is 404 for non-members); the experts-and-apprentices CSV is for stewards and
 * organisation admins only (404 otherwise). A quiet expert's name reaches nobody else by any route.
 */
const NOW = new Date('2026-11-26T12:00:00Z');
const individuals = (role: Role) => role === 'steward' || role === 'admin (not a member)';
interface Case {
  name: string;
  url: (slug: string) => string;
  want(role: Role, place: Place): number;
}
const read = (ok: number) => (role: Role, place: Place) => expected('read', ok, role, place);
const csv = (name: string): Case => ({ name: `GET /c/:slug/health/knowledge/${name}.csv`, url: (s) => `/c/${s}/health/knowledge/${name}.csv`, want: read(200) });
const table: Case[] = [
  { name: 'GET /api/v1/communities/:slug/health/knowledge', url: (s) => `/api/v1/communities/${s}/health/knowledge`, want: read(200) },
  { name: 'GET /c/:slug/health/knowledge', url: (s) => `/c/${s}/health/knowledge`, want: read(200) },
  csv('months'),
  csv('most-reused'),
  csv('due-for-review'),
  csv('at-risk'),
  { name: 'GET /c/:slug/health/knowledge/at-risk-people.csv', url: (s) => `/c/${s}/health/knowledge/at-risk-people.csv`, want: (role, place) => (expected('read', 200, role, place) === 200 && individuals(role) ? 200 : 404) },
];

describeEachDialect('knowledge health authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const slugs = new Map<Place, string>();
  const secret = `Quiet Keeper ${dialect}`;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NOW) });
    const people = await signInRoles(t, as);
    for (const place of places) {
      const c = await makeCommunity(t.deps.db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(t.deps.db, c.id, people.moderator.id, 'moderator');
      await addMember(t.deps.db, c.id, people.member.id, 'member');
      const keeper = await makeUser(t.deps.db, { display_name: secret });
      await addMember(t.deps.db, c.id, keeper.id);
      // Five endorsed articles' worth of evidence in "lore", all the keeper's; the keeper last acted in June.
      for (let i = 0; i < 5; i++) {
        const e = await t.deps.db.insertInto('expertise_evidence').values({ user_id: keeper.id, community_id: c.id, kind: 'endorsed_article', subject_type: 'article', subject_id: 1000 + i, weight: 15, points: 0, at: '2026-05-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
        await t.deps.db.insertInto('expertise_evidence_tags').values({ evidence_id: e.id, tag: 'lore' }).execute();
      }
      await recordActivity(t.deps.db, { actorId: keeper.id, verb: 'topic.created', communityId: c.id, subjectType: 'topic', subjectId: null, at: '2026-06-01T00:00:00.000Z' });
      slugs.set(place, c.slug);
    }
  });
  afterAll(async () => t.close());

  it('covers every route knowledgeHealthRoutes registers', async () => {
    expect(await routesOf(knowledgeHealthRoutes, t.deps)).toEqual(table.map((c) => c.name).sort());
  });

  it('answers every route as the matrix says, writes no activity, and names the quiet expert only to stewards and admins', { timeout: 120_000 }, async () => {
    const mismatches: string[] = [];
    for (const place of places) {
      for (const c of table) {
        for (const role of roles) {
          const before = await countRows(t.deps.db, 'activity');
          const b = as.get(role);
          const res = await t.app.inject({ method: 'GET', url: c.url(slugs.get(place)!), headers: b ? { cookie: b.cookie } : {} });
          const want = c.want(role, place);
          if (res.statusCode !== want) mismatches.push(`${place} ${c.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if ((await countRows(t.deps.db, 'activity')) !== before) mismatches.push(`${place} ${c.name} as ${role} wrote activity`);
          if (res.body.includes(secret) && !(individuals(role) && want === 200)) mismatches.push(`${place} ${c.name} as ${role} named the expert`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('shows every reader the tag at risk, and the steward who holds it', async () => {
    const member = (await api(t, 'GET', `/api/v1/communities/${slugs.get('private')}/health/knowledge`, undefined, as.get('member'))).json();
    expect(member.atRisk).toEqual([{ tag: 'lore', share: 1, experts: 1, evidence: 5, holders: 1, quietDays: 178 }]);
    const steward = (await api(t, 'GET', `/api/v1/communities/${slugs.get('private')}/health/knowledge`, undefined, as.get('steward'))).json();
    expect(steward.atRisk[0].people.experts.map((e: { displayName: string }) => e.displayName)).toEqual([secret]);
  });
});
