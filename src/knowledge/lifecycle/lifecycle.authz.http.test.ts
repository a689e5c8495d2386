import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { lifecycleRoutes } from './lifecycle.routes.ts';
import { endorse, expectStatus, lifecycleCounts, lifecycleWorld, transition, writeTagged } from './lifecycle.fixtures.ts';

/*
 * Every lifecycle route × who asks × public/private community. Writes run against a fresh article in
 * the state the route needs, so rows do not depend on order. In the private community outsiders and
 * non-member admins get 404 (anonymous callers 401, or 303 to sign in for a page), and refused writes
 * change nothing.
 */

type Role = 'anonymous' | 'outsider' | 'member' | 'expert' | 'owner' | 'moderator' | 'steward' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'expert', 'owner', 'moderator', 'steward', 'admin'];
type Setup = 'none' | 'draft' | 'proposed' | 'endorsed-by-expert';
type Ctx = { slug: string; id: number; as: Omit<Browser, 'userId'> };
interface Route {
  name: string;
  setup: Setup;
  call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>;
  /** Expected status in the public community by role. */
  expect: Record<Role, number>;
  privateAnonymous: number;
}

const read = { anonymous: 200, outsider: 200, member: 200, expert: 200, owner: 200, moderator: 200, steward: 200, admin: 200 };
/** Only `ok` roles succeed; other signed-in people get 403, anonymous callers `anon`. */
const only = (ok: Partial<Record<Role, number>>, anon = 401): Record<Role, number> => ({ anonymous: anon, outsider: 403, member: 403, expert: 403, owner: 403, moderator: 403, steward: 403, admin: 403, ...ok });
const get = (t: TestApp, url: string, as: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
const settings = { wikiDefault: false, membersEditAll: false, stewardEndorsement: true, endorsementsRequired: 3, reviewIntervalDays: 180 };
const settingsForm = { endorsementsRequired: '3', reviewIntervalDays: '180', stewardEndorsement: 'on' };
// Members who did not endorse get 409 (nothing to withdraw); only the expert who endorsed succeeds.
const unendorse = (ok: number) => ({ ...only({ expert: ok }), member: 409, owner: 409, moderator: 409, steward: 409 });

const routes: Route[] = [
  { name: 'GET /api/v1/articles/:id/lifecycle', setup: 'none', call: (t, c) => api(t, 'GET', `/api/v1/articles/${c.id}/lifecycle`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'POST /api/v1/articles/:id/transitions', setup: 'draft', call: (t, c) => transition(t, c.id, { to: 'archived', reason: 'Matrix' }, c.as), expect: only({ owner: 200, steward: 200 }), privateAnonymous: 401 },
  { name: 'POST /api/v1/articles/:id/endorsements', setup: 'proposed', call: (t, c) => endorse(t, c.id, c.as), expect: only({ expert: 201, steward: 201 }), privateAnonymous: 401 },
  { name: 'DELETE /api/v1/articles/:id/endorsements/me', setup: 'endorsed-by-expert', call: (t, c) => api(t, 'DELETE', `/api/v1/articles/${c.id}/endorsements/me`, {}, c.as), expect: unendorse(200), privateAnonymous: 401 },
  { name: 'DELETE /api/v1/articles/:id', setup: 'draft', call: (t, c) => api(t, 'DELETE', `/api/v1/articles/${c.id}`, {}, c.as), expect: only({ owner: 204, steward: 204 }), privateAnonymous: 401 },
  { name: 'GET /api/v1/communities/:slug/knowledge-settings', setup: 'none', call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/knowledge-settings`, undefined, c.as), expect: only({ steward: 200 }), privateAnonymous: 401 },
  { name: 'PUT /api/v1/communities/:slug/knowledge-settings', setup: 'none', call: (t, c) => api(t, 'PUT', `/api/v1/communities/${c.slug}/knowledge-settings`, settings, c.as), expect: only({ steward: 200 }), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/transition', setup: 'draft', call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/transition`, { to: 'archived', reason: 'Matrix' }, c.as), expect: only({ owner: 303, steward: 303 }), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/endorse', setup: 'proposed', call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/endorse`, { note: '' }, c.as), expect: only({ expert: 303, steward: 303 }), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/unendorse', setup: 'endorsed-by-expert', call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/unendorse`, {}, c.as), expect: unendorse(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/delete', setup: 'draft', call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/delete`, {}, c.as), expect: only({ owner: 303, steward: 303 }), privateAnonymous: 401 },
  { name: 'GET /c/:slug/settings/knowledge', setup: 'none', call: (t, c) => get(t, `/c/${c.slug}/settings/knowledge`, c.as), expect: only({ steward: 200 }, 303), privateAnonymous: 303 },
  { name: 'POST /c/:slug/settings/knowledge', setup: 'none', call: (t, c) => postForm(t, `/c/${c.slug}/settings/knowledge`, settingsForm, c.as), expect: only({ steward: 303 }), privateAnonymous: 401 },
];

describeEachDialect('lifecycle authorization matrix', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof lifecycleWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await lifecycleWorld(t);
  });
  afterAll(async () => t.close());

  /** A fresh article by "member" (the owner) tagged "knives", brought to the state the route needs. */
  async function fresh(slug: string, setup: Setup): Promise<number> {
    const id = await writeTagged(t, w.as.member, slug);
    if (setup === 'draft' || setup === 'none') return id;
    expectStatus(await transition(t, id, { to: 'proposed' }, w.as.member), 200);
    if (setup === 'endorsed-by-expert') expectStatus(await endorse(t, id, w.experts[0]), 201);
    return id;
  }

  // One test walks the whole matrix (routes × roles × places): slow on a loaded 2-core machine, so it gets room.
  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 180_000 }, async () => {
    const browsers: Record<Role, Omit<Browser, 'userId'>> = {
      anonymous: anonymousBrowser(),
      outsider: w.as.outsider,
      member: w.as.other,
      expert: w.experts[0],
      owner: w.as.member,
      moderator: w.as.moderator,
      steward: w.as.steward,
      admin: w.as.admin,
    };
    const shared = { public: await fresh(w.pub.slug, 'none'), private: await fresh(w.priv.slug, 'none') };
    const mismatches: string[] = [];
    for (const visibility of ['public', 'private'] as const) {
      const slug = visibility === 'public' ? w.pub.slug : w.priv.slug;
      for (const route of routes) {
        for (const role of roles) {
          const id = route.setup === 'none' ? shared[visibility] : await fresh(slug, route.setup);
          let want = route.expect[role];
          if (visibility === 'private' && (role === 'outsider' || role === 'admin')) want = 404;
          if (visibility === 'private' && role === 'anonymous') want = route.privateAnonymous;
          const before = await lifecycleCounts(t.deps.db);
          const res = await route.call(t, { slug, id, as: browsers[role] });
          if (res.statusCode !== want) mismatches.push(`${visibility} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (want >= 400 && JSON.stringify(await lifecycleCounts(t.deps.db)) !== JSON.stringify(before)) mismatches.push(`${visibility} ${route.name} as ${role} wrote something`);
          if (visibility === 'private' && want === 404 && (res.body.includes('Sharpen a knife') || res.body.includes(w.priv.name))) mismatches.push(`${route.name} as ${role} leaked`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route lifecycleRoutes registers', async () => {
    const registered = await routesOf(lifecycleRoutes, t.deps);
    const covered = new Set(routes.map((r) => r.name));
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((c) => !registered.includes(c))).toEqual([]);
  });
});
