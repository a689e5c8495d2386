import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { anonymousBrowser, api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countTerms, makeTerm } from './glossary.fixtures.ts';

/*
 * Every glossary route × who is asking × public/private community. A private community's glossary
 * is for members only: everyone else (anonymous, outsiders, org admins who are not members) gets 404.
 */
type Who = 'anonymous' | 'outsider' | 'member' | 'owner' | 'steward' | 'admin';
type Kind = 'public' | 'private';
const everyone: Who[] = ['anonymous', 'outsider', 'member', 'owner', 'steward', 'admin'];
interface Ctx { slug: string; termId: number; as: (w: Who) => Omit<Browser, 'userId'> | undefined }
interface RouteCase { name: string; writes: boolean; call: (t: TestApp, c: Ctx, w: Who) => Promise<LightMyRequestResponse>; expect: Record<Kind, Record<Who, number>> }

const readable = (ok: number): Record<Kind, Record<Who, number>> => ({
  public: { anonymous: ok, outsider: ok, member: ok, owner: ok, steward: ok, admin: ok },
  private: { anonymous: 404, outsider: 404, member: ok, owner: ok, steward: ok, admin: 404 },
});
const membersOnly = (ok: number, anon: number): Record<Kind, Record<Who, number>> => ({
  public: { anonymous: anon, outsider: 403, member: ok, owner: ok, steward: ok, admin: 403 },
  private: { anonymous: 404, outsider: 404, member: ok, owner: ok, steward: ok, admin: 404 },
});
const editors = (ok: number, anon: number): Record<Kind, Record<Who, number>> => ({
  public: { anonymous: anon, outsider: 403, member: 403, owner: ok, steward: ok, admin: 403 },
  private: { anonymous: 404, outsider: 404, member: 403, owner: ok, steward: ok, admin: 404 },
});
const term = () => ({ term: `Word ${Math.random().toString(36).slice(2, 10)}`, definition: 'What it means.' });

const routes: RouteCase[] = [
  { name: 'GET /api/v1/communities/:slug/glossary', writes: false, call: (t, c, w) => api(t, 'GET', `/api/v1/communities/${c.slug}/glossary`, undefined, c.as(w)), expect: readable(200) },
  { name: 'POST /api/v1/communities/:slug/glossary', writes: true, call: (t, c, w) => api(t, 'POST', `/api/v1/communities/${c.slug}/glossary`, term(), c.as(w)), expect: membersOnly(201, 401) },
  { name: 'GET /api/v1/glossary/:id', writes: false, call: (t, c, w) => api(t, 'GET', `/api/v1/glossary/${c.termId}`, undefined, c.as(w)), expect: readable(200) },
  { name: 'PATCH /api/v1/glossary/:id', writes: true, call: (t, c, w) => api(t, 'PATCH', `/api/v1/glossary/${c.termId}`, { definition: 'Changed.' }, c.as(w)), expect: editors(200, 401) },
  { name: 'DELETE /api/v1/glossary/:id', writes: true, call: (t, c, w) => api(t, 'DELETE', `/api/v1/glossary/${c.termId}`, {}, c.as(w)), expect: editors(204, 401) },
  { name: 'GET /c/:slug/glossary', writes: false, call: (t, c, w) => get(t, `/c/${c.slug}/glossary`, c.as(w)), expect: readable(200) },
  { name: 'GET /c/:slug/glossary/new', writes: false, call: (t, c, w) => get(t, `/c/${c.slug}/glossary/new`, c.as(w)), expect: membersOnly(200, 303) },
  { name: 'POST /c/:slug/glossary/new', writes: true, call: (t, c, w) => postForm(t, `/c/${c.slug}/glossary/new`, term(), c.as(w)), expect: membersOnly(303, 401) },
  { name: 'GET /c/:slug/glossary/:id', writes: false, call: (t, c, w) => get(t, `/c/${c.slug}/glossary/${c.termId}`, c.as(w)), expect: readable(200) },
  { name: 'GET /c/:slug/glossary/:id/edit', writes: false, call: (t, c, w) => get(t, `/c/${c.slug}/glossary/${c.termId}/edit`, c.as(w)), expect: editors(200, 303) },
  { name: 'POST /c/:slug/glossary/:id/edit', writes: true, call: (t, c, w) => postForm(t, `/c/${c.slug}/glossary/${c.termId}/edit`, { ...term(), synonyms: '' }, c.as(w)), expect: editors(303, 401) },
  { name: 'POST /c/:slug/glossary/:id/delete', writes: true, call: (t, c, w) => postForm(t, `/c/${c.slug}/glossary/${c.termId}/delete`, {}, c.as(w)), expect: editors(303, 401) },
];

function get(t: TestApp, url: string, b: Omit<Browser, 'userId'> | undefined) {
  return t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
}

describeEachDialect('glossary authorization matrix', (dialect) => {
  let t: TestApp;
  const worlds = {} as Record<Kind, { slug: string; communityId: number; ownerId: number; browsers: Record<Exclude<Who, 'anonymous'>, Browser> }>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    for (const kind of ['public', 'private'] as Kind[]) {
      const [steward, owner, member, outsider, admin] = [await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db, { role: 'admin' })];
      const c = await makeCommunity(db, steward.id, kind === 'private' ? { visibility: 'private', join_policy: 'invite' } : {});
      await addMember(db, c.id, owner.id);
      await addMember(db, c.id, member.id);
      worlds[kind] = {
        slug: c.slug, communityId: c.id, ownerId: owner.id,
        browsers: { steward: await signInAs(t, steward.id), owner: await signInAs(t, owner.id), member: await signInAs(t, member.id), outsider: await signInAs(t, outsider.id), admin: await signInAs(t, admin.id) },
      };
    }
  });
  afterAll(async () => t.close());

  it('covers every glossary route the app registers', () => {
    const registered = t.app.routeList.filter((r) => r.url.includes('/glossary')).map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(routes.map((r) => r.name).sort());
  });

  for (const kind of ['public', 'private'] as Kind[]) {
    for (const route of routes) {
      describe(`${route.name} in a ${kind} community`, () => {
        for (const who of everyone) {
          const status = route.expect[kind][who];
          it(`answers ${status} to ${who}${status >= 400 && route.writes ? ' and writes nothing' : ''}`, async () => {
            const w = worlds[kind];
            const secret = `Secret${Math.random().toString(36).slice(2, 10)}`;
            const termId = await makeTerm(t.deps.db, w.communityId, w.ownerId, secret, [], `Definition of ${secret}`);
            const as = (x: Who) => (x === 'anonymous' ? anonymousBrowser() : w.browsers[x]);
            const before = await countTerms(t.deps.db);
            const res = await route.call(t, { slug: w.slug, termId, as: (x) => (x === 'anonymous' && route.name.includes('/api/') ? undefined : as(x)) }, who);
            expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
            if (status === 404) expect(res.body).not.toContain(secret);
            if (status >= 400 && route.writes) {
              expect(await countTerms(t.deps.db)).toBe(before);
              const row = await t.deps.db.selectFrom('glossary_terms').select(['term', 'definition']).where('id', '=', termId).executeTakeFirst();
              expect(row).toEqual({ term: secret, definition: `Definition of ${secret}` });
            }
          });
        }
      });
    }
  }
});
