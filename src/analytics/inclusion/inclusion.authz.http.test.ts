import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, signInRoles, type Place, type Role } from '../../discussions/moderation/authz.fixtures.ts';
import { INCLUSION_TABLES, inclusionRoutes } from './inclusion.routes.ts';
import { WORLD_NOW } from './inclusion.world.ts';

/*
 * Every inclusion route × who asks × public/private community. All of them follow the read rule (a
 * private community is a 404 for non-members); a category of one person ("Rareology") is seen only by
 * those who may see individual figures (the steward; an organisation admin where they may read), and
 * the private community's categories ("Secretology") never reach a non-member.
 */
interface Case {
  name: string;
  call(t: TestApp, slug: string, b: Browser | undefined): Promise<LightMyRequestResponse>;
}
const get = (t: TestApp, url: string, b: Browser | undefined) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

const table: Case[] = [
  { name: 'GET /api/v1/communities/:slug/health/inclusion', call: (t, s, b) => api(t, 'GET', `/api/v1/communities/${s}/health/inclusion`, undefined, b) },
  { name: 'GET /c/:slug/health/inclusion', call: (t, s, b) => get(t, `/c/${s}/health/inclusion`, b) },
  ...Object.keys(INCLUSION_TABLES).map((x) => ({ name: `GET /c/:slug/health/inclusion/${x}.csv`, call: (t: TestApp, s: string, b: Browser | undefined) => get(t, `/c/${s}/health/inclusion/${x}.csv`, b) })),
];

describeEachDialect('inclusion authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const slugs = new Map<Place, string>();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(WORLD_NOW) });
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    for (const place of places) {
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const common = place === 'public' ? 'Commonology' : 'Secretology';
      for (let i = 0; i < 3; i++) await addMember(db, c.id, (await makeUser(db, { discipline: common })).id);
      if (place === 'public') await addMember(db, c.id, (await makeUser(db, { discipline: 'Rareology' })).id);
      slugs.set(place, c.slug);
    }
  });
  afterAll(async () => t.close());

  it('covers every route inclusionRoutes registers', async () => {
    expect(await routesOf(inclusionRoutes, t.deps)).toEqual(table.map((c) => c.name).sort());
  });

  it('answers every route as the read rule says, folds rare categories for all but stewards and admins, and never leaks the private one', { timeout: 120_000 }, async () => {
    const mismatches: string[] = [];
    for (const place of places) {
      for (const c of table) {
        for (const role of roles) {
          const res = await c.call(t, slugs.get(place)!, as.get(role));
          const want = expected('read', 200, role, place);
          if (res.statusCode !== want) mismatches.push(`${place} ${c.name} as ${role}: ${res.statusCode}, expected ${want}`);
          const member = role === 'member' || role === 'moderator' || role === 'steward';
          if (!member && res.body.includes('Secretology')) mismatches.push(`${place} ${c.name} as ${role} leaked the private community`);
          const individuals = role === 'steward' || role === 'admin (not a member)';
          const categories = c.name.includes('categories') || !c.name.endsWith('.csv');
          if (place === 'public' && categories && res.body.includes('Rareology') !== individuals) mismatches.push(`${place} ${c.name} as ${role}: Rareology ${individuals ? 'missing' : 'shown'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
