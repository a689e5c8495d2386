import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase, signInRoles } from '../../discussions/moderation/authz.fixtures.ts';
import { call, topicVia } from '../../discussions/moderation/moderation.fixtures.ts';
import { relatedRoutes } from './related.routes.ts';

/*
 * Every related route × who asks × public/private community. Each community has two topics sharing
 * a secret word; nobody who may not read the private community may get its 200 or see the word.
 */

interface Spot {
  slug: string;
  topicId: number;
  secret: string;
}

const table: Array<RouteCase<Spot>> = [
  { method: 'GET', route: '/api/v1/topics/:id/related', need: 'read', ok: 200, call: (t, p, b) => call(t, 'GET', `/api/v1/topics/${p.topicId}/related`, undefined, b) },
  { method: 'POST', route: '/api/v1/communities/:slug/similar', need: 'signed-in', ok: 200, call: (t, p, b) => call(t, 'POST', `/api/v1/communities/${p.slug}/similar`, { title: `${p.secret} question` }, b) },
];

describeEachDialect('related authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    for (const place of places) {
      const secret = `relsecret${place}`;
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const topicId = await topicVia(t, as.get('steward')!, c.slug, { title: `About ${secret} one` });
      await topicVia(t, as.get('member')!, c.slug, { title: `Also ${secret} two` });
      spots.set(place, { slug: c.slug, topicId, secret });
    }
  });
  afterAll(async () => t.close());

  it('covers every route relatedRoutes registers', async () => {
    expect(await routesOf(relatedRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role as the visibility rule says in a ${place} community, and lists its topics to readers only`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (!reader) expect(res.body, `${role} saw the private topic`).not.toContain(p.secret);
            if (res.statusCode === 200) expect(res.body, `${role} found nothing`).toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
