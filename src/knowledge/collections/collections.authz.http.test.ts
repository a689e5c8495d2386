import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { collectionsRoutes } from './collections.routes.ts';
import { addItemVia, collectionCounts, makeCollectionVia } from './collections.fixtures.ts';

/*
 * Every collections route × who is asking × public/private community. Writes run against a fresh
 * collection (made by "owner", holding an article and a topic) so rows do not depend on order. In the
 * private community everyone who is not a member gets 404 (anonymous 401/303 where sign-in comes
 * first), and refused writes change nothing.
 */

type Role = 'anonymous' | 'outsider' | 'member' | 'owner' | 'moderator' | 'steward' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'owner', 'moderator', 'steward', 'admin'];
type As = Omit<Browser, 'userId'>;
interface Ctx { slug: string; id: number; items: number[]; free: number; as: As }
interface Route {
  name: string;
  write: boolean;
  call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>;
  expect: Record<Role, number>;
  privateAnonymous: number;
}

const read = { anonymous: 200, outsider: 200, member: 200, owner: 200, moderator: 200, steward: 200, admin: 200 };
const edit = (ok: number, anon = 401) => ({ anonymous: anon, outsider: 403, member: 403, owner: ok, moderator: ok, steward: ok, admin: 403 });
const members = (ok: number, anon = 401) => ({ anonymous: anon, outsider: 403, member: ok, owner: ok, moderator: ok, steward: ok, admin: 403 });
const get = (t: TestApp, url: string, as: As) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });

const routes: Route[] = [
  { name: 'GET /api/v1/communities/:slug/collections', write: false, call: (t, c) => api(t, 'GET', `/api/v1/communities/${c.slug}/collections`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /api/v1/collections/:id', write: false, call: (t, c) => api(t, 'GET', `/api/v1/collections/${c.id}`, undefined, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/collections', write: false, call: (t, c) => get(t, `/c/${c.slug}/collections`, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/collections/:id', write: false, call: (t, c) => get(t, `/c/${c.slug}/collections/${c.id}`, c.as), expect: read, privateAnonymous: 404 },
  { name: 'GET /c/:slug/collections/new', write: false, call: (t, c) => get(t, `/c/${c.slug}/collections/new`, c.as), expect: members(200, 303), privateAnonymous: 303 },
  { name: 'GET /c/:slug/collections/:id/edit', write: false, call: (t, c) => get(t, `/c/${c.slug}/collections/${c.id}/edit`, c.as), expect: edit(200, 303), privateAnonymous: 303 },
  { name: 'POST /api/v1/communities/:slug/collections', write: true, call: (t, c) => api(t, 'POST', `/api/v1/communities/${c.slug}/collections`, { title: 'Matrix list' }, c.as), expect: members(201), privateAnonymous: 401 },
  { name: 'PATCH /api/v1/collections/:id', write: true, call: (t, c) => api(t, 'PATCH', `/api/v1/collections/${c.id}`, { title: 'Renamed' }, c.as), expect: edit(200), privateAnonymous: 401 },
  { name: 'DELETE /api/v1/collections/:id', write: true, call: (t, c) => api(t, 'DELETE', `/api/v1/collections/${c.id}`, {}, c.as), expect: edit(204), privateAnonymous: 401 },
  { name: 'POST /api/v1/collections/:id/items', write: true, call: (t, c) => api(t, 'POST', `/api/v1/collections/${c.id}/items`, { type: 'article', targetId: c.free }, c.as), expect: edit(201), privateAnonymous: 401 },
  { name: 'DELETE /api/v1/collections/:id/items/:itemId', write: true, call: (t, c) => api(t, 'DELETE', `/api/v1/collections/${c.id}/items/${c.items[0]}`, {}, c.as), expect: edit(200), privateAnonymous: 401 },
  { name: 'PUT /api/v1/collections/:id/items', write: true, call: (t, c) => api(t, 'PUT', `/api/v1/collections/${c.id}/items`, { items: [...c.items].reverse() }, c.as), expect: edit(200), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/new', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/new`, { title: 'Matrix list' }, c.as), expect: members(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/:id/edit', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/${c.id}/edit`, { title: 'Renamed', description: '' }, c.as), expect: edit(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/:id/delete', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/${c.id}/delete`, {}, c.as), expect: edit(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/:id/items/:itemId/move', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/${c.id}/items/${c.items[0]}/move`, { direction: 'down' }, c.as), expect: edit(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/:id/items/:itemId/remove', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/${c.id}/items/${c.items[0]}/remove`, {}, c.as), expect: edit(303), privateAnonymous: 401 },
  { name: 'POST /c/:slug/collections/add', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/collections/add`, { collection: String(c.id), type: 'article', targetId: String(c.free) }, c.as), expect: edit(303), privateAnonymous: 401 },
];

describeEachDialect('collections authorization matrix', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  /** A fresh collection by "member" (the owner) with an article and a topic, plus an article not in it. */
  async function fresh(slug: string): Promise<Omit<Ctx, 'as'>> {
    const c = await makeCollectionVia(t, w.as.member, slug, { title: 'SecretListQz' });
    const a = await writeArticleVia(t, w.as.member, slug);
    const topic = await startTopicVia(t, w.as.member, slug);
    await addItemVia(t, w.as.member, c.id, 'article', a.id);
    const full = await addItemVia(t, w.as.member, c.id, 'topic', topic.id);
    const free = await writeArticleVia(t, w.as.member, slug);
    return { slug, id: c.id, items: full.items.map((i) => i.id), free: free.id };
  }

  // One test walks the whole matrix (routes × roles × places): slow on a loaded 2-core machine, so it gets room.
  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 180_000 }, async () => {
    const browsers: Record<Role, As> = { anonymous: anonymousBrowser(), outsider: w.as.outsider, member: w.as.other, owner: w.as.member, moderator: w.as.moderator, steward: w.as.steward, admin: w.as.admin };
    const shared = { public: await fresh(w.pub.slug), private: await fresh(w.priv.slug) };
    const mismatches: string[] = [];
    for (const visibility of ['public', 'private'] as const) {
      const slug = visibility === 'public' ? w.pub.slug : w.priv.slug;
      for (const route of routes) {
        for (const role of roles) {
          const c = route.write ? await fresh(slug) : shared[visibility];
          let want = route.expect[role];
          if (visibility === 'private' && (role === 'outsider' || role === 'admin')) want = 404;
          if (visibility === 'private' && role === 'anonymous') want = route.privateAnonymous;
          const before = await collectionCounts(t.deps.db);
          const res = await route.call(t, { ...c, as: browsers[role] });
          if (res.statusCode !== want) mismatches.push(`${visibility} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (route.write && want >= 400 && JSON.stringify(await collectionCounts(t.deps.db)) !== JSON.stringify(before)) mismatches.push(`${visibility} ${route.name} as ${role} wrote something`);
          if (visibility === 'private' && want >= 400 && res.body.includes('SecretListQz')) mismatches.push(`${route.name} as ${role} leaked`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route collectionsRoutes registers', async () => {
    const registered = await routesOf(collectionsRoutes, t.deps);
    expect(registered).toEqual(routes.map((r) => r.name).sort());
  });
});
