import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { articlesRoutes } from './articles.routes.ts';
import { articleCounts, articlesWorld, writeArticleVia } from './articles.fixtures.ts';

/*
 * Every articles route × who is asking × public/private community. Writes run against a fresh
 * article (written by "owner", edited once, with "other" as co-owner) so rows do not depend on order.
 * In the private community everyone who is not a member gets 404 (anonymous 401/303 where sign-in
 * comes first), and refused writes change nothing.
 */

type Role = 'anonymous' | 'outsider' | 'member' | 'owner' | 'steward' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'owner', 'steward', 'admin'];
type Ctx = { slug: string; id: number; as: Omit<Browser, 'userId'>; other: string };
interface Route {
  name: string;
  write: boolean;
  call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>;
  /** Expected status in the public community by role; in the private one outsiders and admins get 404. */
  expect: Record<Role, number>;
  privateAnonymous: number;
}

const read = { anonymous: 200, outsider: 200, member: 200, owner: 200, steward: 200, admin: 200 };
const editRule = (ok: number, anon: number) => ({ anonymous: anon, outsider: 403, member: 403, owner: ok, steward: ok, admin: 403 });
const ownerRule = { anonymous: 401, outsider: 403, member: 403, owner: 200, steward: 403, admin: 403 };
const get = (t: TestApp, url: string, as: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
const valid = { type: 'how-to', title: 'A matrix article', body: 'Matrix text.' };

const routes: Route[] = [
  { name: 'GET /c/:slug/articles', write: false, call: (t, c) => get(t, `/c/${c.slug}/articles`, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/a/:id', write: false, call: (t, c) => get(t, `/c/${c.slug}/a/${c.id}`, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/a/:id/revisions', write: false, call: (t, c) => get(t, `/c/${c.slug}/a/${c.id}/revisions`, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /api/v1/communities/:slug/articles', write: false, call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/articles`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /api/v1/articles/:id', write: false, call: (t, c) => api(t, 'GET', `/api/v1/articles/${c.id}`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /api/v1/articles/:id/revisions', write: false, call: (t, c) => api(t, 'GET', `/api/v1/articles/${c.id}/revisions`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/articles/new', write: false, call: (t, c) => get(t, `/c/${c.slug}/articles/new`, c.as), expect: { anonymous: 303, outsider: 403, member: 200, owner: 200, steward: 200, admin: 403 }, privateAnonymous: 303 },
  { name: 'GET /c/:slug/a/:id/edit', write: false, call: (t, c) => get(t, `/c/${c.slug}/a/${c.id}/edit`, c.as), expect: editRule(200, 303), privateAnonymous: 303 },
  { name: 'POST /c/:slug/articles/new', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/articles/new`, valid, c.as), expect: { anonymous: 401, outsider: 403, member: 303, owner: 303, steward: 303, admin: 403 }, privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/edit', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/edit`, { ...valid, body: 'Changed.' }, c.as), expect: editRule(303, 401), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/revisions/:rev/restore', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/revisions/1/restore`, {}, c.as), expect: editRule(303, 401), privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/owners', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/owners`, { username: c.other }, c.as), expect: { ...ownerRule, owner: 303 }, privateAnonymous: 401 },
  { name: 'POST /c/:slug/a/:id/owners/:username/remove', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.id}/owners/${c.other}/remove`, {}, c.as), expect: { ...ownerRule, owner: 303 }, privateAnonymous: 401 },
  { name: 'POST /api/v1/communities/:slug/articles', write: true, call: (t, c) => api(t, 'POST', `/api/v1/communities/${c.slug}/articles`, valid, c.as), expect: { anonymous: 401, outsider: 403, member: 201, owner: 201, steward: 201, admin: 403 }, privateAnonymous: 401 },
  { name: 'PATCH /api/v1/articles/:id', write: true, call: (t, c) => api(t, 'PATCH', `/api/v1/articles/${c.id}`, { body: 'Changed by API.' }, c.as), expect: editRule(200, 401), privateAnonymous: 401 },
  { name: 'POST /api/v1/articles/:id/revisions/:rev/restore', write: true, call: (t, c) => api(t, 'POST', `/api/v1/articles/${c.id}/revisions/1/restore`, {}, c.as), expect: editRule(200, 401), privateAnonymous: 401 },
  { name: 'PUT /api/v1/articles/:id/owners/:username', write: true, call: (t, c) => api(t, 'PUT', `/api/v1/articles/${c.id}/owners/${c.other}`, {}, c.as), expect: ownerRule, privateAnonymous: 401 },
  { name: 'DELETE /api/v1/articles/:id/owners/:username', write: true, call: (t, c) => api(t, 'DELETE', `/api/v1/articles/${c.id}/owners/${c.other}`, {}, c.as), expect: ownerRule, privateAnonymous: 401 },
];

describeEachDialect('articles authorization matrix', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  /** A fresh article by "member" (the owner), edited once, with "moderator" as co-owner so owner removal has a target. */
  async function freshArticle(slug: string): Promise<number> {
    const a = await writeArticleVia(t, w.as.member, slug);
    await api(t, 'PATCH', `/api/v1/articles/${a.id}`, { body: 'Edited once.' }, w.as.member);
    await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/${w.moderator.username}`, {}, w.as.member);
    return a.id;
  }

  // One test walks the whole matrix (routes × roles × places): slow on a loaded 2-core machine, so it gets room.
  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 180_000 }, async () => {
    const browsers: Record<Role, Omit<Browser, 'userId'>> = { anonymous: anonymousBrowser(), outsider: w.as.outsider, member: w.as.other, owner: w.as.member, steward: w.as.steward, admin: w.as.admin };
    const shared = { public: await freshArticle(w.pub.slug), private: await freshArticle(w.priv.slug) };
    const mismatches: string[] = [];
    for (const visibility of ['public', 'private'] as const) {
      const slug = visibility === 'public' ? w.pub.slug : w.priv.slug;
      for (const route of routes) {
        for (const role of roles) {
          const id = route.write ? await freshArticle(slug) : shared[visibility];
          let want = route.expect[role];
          if (visibility === 'private' && (role === 'outsider' || role === 'admin')) want = 404;
          if (visibility === 'private' && role === 'anonymous') want = route.privateAnonymous;
          const before = await articleCounts(t.deps.db);
          const res = await route.call(t, { slug, id, as: browsers[role], other: w.moderator.username });
          if (res.statusCode !== want) mismatches.push(`${visibility} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (route.write && want >= 400 && JSON.stringify(await articleCounts(t.deps.db)) !== JSON.stringify(before)) mismatches.push(`${visibility} ${route.name} as ${role} wrote something`);
          if (visibility === 'private' && want === 404 && (res.body.includes('Sharpen a knife') || res.body.includes('Edited once'))) mismatches.push(`${route.name} as ${role} leaked`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route articlesRoutes registers', async () => {
    const registered = await routesOf(articlesRoutes, t.deps);
    const covered = new Set(routes.map((r) => r.name));
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((c) => !registered.includes(c))).toEqual([]);
  });
});
