import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { anonymousBrowser, buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { routesOf } from '../discussions/moderation/authz.fixtures.ts';
import { communitiesRoutes } from './communities.routes.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { communityKinds, makeBystanders, makeWorld, type CommunityKind, type World } from './communities.fixtures.ts';

type ActorName = 'anonymous' | 'outsider' | 'member' | 'moderator' | 'steward' | 'admin';
const actors: ActorName[] = ['anonymous', 'outsider', 'member', 'moderator', 'steward', 'admin'];
type Expect = (a: ActorName, k: CommunityKind) => number;

const isMember = (a: ActorName) => a === 'member' || a === 'moderator' || a === 'steward';
/** May know the community exists: invite-only private ones are secret to non-members (admins see all). */
const sees = (a: ActorName, k: CommunityKind) => k !== 'private-invite' || isMember(a) || a === 'admin';
/** May read its content: public, or a member. Admins are not exempt. */
const reads = (a: ActorName, k: CommunityKind) => k === 'public' || isMember(a);
const manages = (a: ActorName) => a === 'moderator' || a === 'steward' || a === 'admin';
const edits = (a: ActorName) => a === 'steward' || a === 'admin';
const everyone = () => true;

/** Routes over a community's content: 404 unseen/unreadable (admins 403: join first), then the permission. */
const content = (ok: number, allowed: (a: ActorName) => boolean, anonymous: (k: CommunityKind) => number): Expect => (a, k) =>
  a === 'anonymous' ? anonymous(k) : !sees(a, k) ? 404 : !reads(a, k) ? (a === 'admin' ? 403 : 404) : allowed(a) ? ok : 403;
const join = (ok: number): Expect => (a, k) =>
  a === 'anonymous' ? 401 : !sees(a, k) ? 404 : isMember(a) ? 409 : a === 'admin' || k === 'public' ? ok : 403;
const leave = (ok: number): Expect => (a, k) =>
  a === 'anonymous' ? 401 : !sees(a, k) ? 404 : a === 'member' || a === 'moderator' ? ok : 409; // steward: the last one
const request = (ok: number): Expect => (a, k) =>
  a === 'anonymous' ? 401 : !sees(a, k) ? 404 : isMember(a) || k === 'public' ? 409 : k === 'private-invite' ? 403 : ok;
const signedIn = (ok: number, anonymous = 401): Expect => (a) => (a === 'anonymous' ? anonymous : ok);
const notYours: Expect = (a) => (a === 'anonymous' ? 401 : 404);

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The route as registered (for the coverage check). */
  route: string;
  url: (w: World) => string;
  /** JSON body for API routes, form fields for pages. */
  body?: (w: World) => Record<string, string>;
  /** Needs a fresh world for every actor (it changes state). */
  mutates?: boolean;
  expect: Expect;
}

const slugUrl = (suffix = '') => (w: World) => `/c/${w.community.slug}${suffix}`;
const apiUrl = (suffix = '') => (w: World) => `/api/v1/communities/${w.community.slug}${suffix}`;
const newCommunity = (w: World) => ({ name: 'A new guild', slug: `made-${w.community.id}`, domainStatement: 'Something new', formality: 'informal', locality: 'distributed', visibility: 'public', joinPolicy: 'open' });
const editForm = (w: World) => ({ name: w.community.name, slug: w.community.slug, domainStatement: 'Changed domain', formality: 'informal', locality: 'distributed', visibility: w.community.visibility, joinPolicy: w.community.join_policy });

/** Every communities route × expectation. Adding a route is one line. */
const table: RouteCase[] = [
  { method: 'GET', route: '/communities', url: () => '/communities', expect: () => 200 },
  { method: 'GET', route: '/communities', url: () => '/communities?mine=1', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/communities', url: () => '/api/v1/communities', expect: () => 200 },
  { method: 'GET', route: '/communities/new', url: () => '/communities/new', expect: signedIn(200, 303) },
  { method: 'GET', route: '/c/:slug', url: slugUrl(), expect: (a, k) => (sees(a, k) ? 200 : 404) },
  { method: 'GET', route: '/api/v1/communities/:slug', url: apiUrl(), expect: (a, k) => (sees(a, k) ? 200 : 404) },
  { method: 'GET', route: '/c/:slug/edit', url: slugUrl('/edit'), expect: content(200, edits, () => 303) },
  { method: 'GET', route: '/c/:slug/members', url: slugUrl('/members'), expect: content(200, everyone, (k) => (k === 'public' ? 200 : 404)) },
  { method: 'GET', route: '/api/v1/communities/:slug/members', url: apiUrl('/members'), expect: content(200, everyone, (k) => (k === 'public' ? 200 : 404)) },
  { method: 'GET', route: '/c/:slug/requests', url: slugUrl('/requests'), expect: content(200, manages, () => 303) },
  { method: 'GET', route: '/api/v1/communities/:slug/requests', url: apiUrl('/requests'), expect: content(200, manages, () => 401) },
  { method: 'GET', route: '/invitations', url: () => '/invitations', expect: signedIn(200, 303) },
  { method: 'GET', route: '/api/v1/me/invitations', url: () => '/api/v1/me/invitations', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/communities', url: () => '/api/v1/communities', body: newCommunity, mutates: true, expect: signedIn(201) },
  { method: 'POST', route: '/communities', url: () => '/communities', body: newCommunity, mutates: true, expect: signedIn(303) },
  { method: 'PATCH', route: '/api/v1/communities/:slug', url: apiUrl(), body: () => ({ domainStatement: 'Changed domain' }), mutates: true, expect: content(200, edits, () => 401) },
  { method: 'POST', route: '/c/:slug/edit', url: slugUrl('/edit'), body: editForm, mutates: true, expect: content(303, edits, () => 401) },
  { method: 'POST', route: '/api/v1/communities/:slug/join', url: apiUrl('/join'), mutates: true, expect: join(200) },
  { method: 'POST', route: '/c/:slug/join', url: slugUrl('/join'), mutates: true, expect: join(303) },
  { method: 'POST', route: '/api/v1/communities/:slug/leave', url: apiUrl('/leave'), mutates: true, expect: leave(200) },
  { method: 'POST', route: '/c/:slug/leave', url: slugUrl('/leave'), mutates: true, expect: leave(303) },
  { method: 'POST', route: '/api/v1/communities/:slug/requests', url: apiUrl('/requests'), body: () => ({ message: 'Hello' }), mutates: true, expect: request(201) },
  { method: 'POST', route: '/c/:slug/request', url: slugUrl('/request'), body: () => ({ message: 'Hello' }), mutates: true, expect: request(303) },
  { method: 'POST', route: '/api/v1/communities/:slug/requests/:id/approve', url: (w) => apiUrl(`/requests/${w.requestId}/approve`)(w), mutates: true, expect: content(200, manages, () => 401) },
  { method: 'POST', route: '/c/:slug/requests/:id/approve', url: (w) => slugUrl(`/requests/${w.requestId}/approve`)(w), mutates: true, expect: content(303, manages, () => 401) },
  { method: 'POST', route: '/api/v1/communities/:slug/requests/:id/reject', url: (w) => apiUrl(`/requests/${w.requestId}/reject`)(w), mutates: true, expect: content(200, manages, () => 401) },
  { method: 'POST', route: '/c/:slug/requests/:id/reject', url: (w) => slugUrl(`/requests/${w.requestId}/reject`)(w), mutates: true, expect: content(303, manages, () => 401) },
  { method: 'POST', route: '/api/v1/communities/:slug/invitations', url: apiUrl('/invitations'), body: (w) => ({ username: w.free.username }), mutates: true, expect: content(201, manages, () => 401) },
  { method: 'POST', route: '/c/:slug/invitations', url: slugUrl('/invitations'), body: (w) => ({ username: w.free.username }), mutates: true, expect: content(303, manages, () => 401) },
  { method: 'POST', route: '/api/v1/invitations/:id/accept', url: (w) => `/api/v1/invitations/${w.invitationId}/accept`, mutates: true, expect: notYours },
  { method: 'POST', route: '/invitations/:id/accept', url: (w) => `/invitations/${w.invitationId}/accept`, mutates: true, expect: notYours },
  { method: 'POST', route: '/api/v1/invitations/:id/decline', url: (w) => `/api/v1/invitations/${w.invitationId}/decline`, mutates: true, expect: notYours },
  { method: 'POST', route: '/invitations/:id/decline', url: (w) => `/invitations/${w.invitationId}/decline`, mutates: true, expect: notYours },
  { method: 'PATCH', route: '/api/v1/communities/:slug/members/:username', url: (w) => apiUrl(`/members/${w.member.username}`)(w), body: () => ({ role: 'moderator' }), mutates: true, expect: content(200, edits, () => 401) },
  { method: 'POST', route: '/c/:slug/members/:username/role', url: (w) => slugUrl(`/members/${w.member.username}/role`)(w), body: () => ({ role: 'moderator' }), mutates: true, expect: content(303, edits, () => 401) },
  { method: 'DELETE', route: '/api/v1/communities/:slug/members/:username', url: (w) => apiUrl(`/members/${w.member.username}`)(w), mutates: true, expect: content(204, manages, () => 401) },
  { method: 'POST', route: '/c/:slug/members/:username/remove', url: (w) => slugUrl(`/members/${w.member.username}/remove`)(w), mutates: true, expect: content(303, manages, () => 401) },
];

/** Communities routes are everything under these prefixes except discussions' topic routes. */

describeEachDialect('communities authorization matrix', (dialect) => {
  let t: TestApp;
  let by: Awaited<ReturnType<typeof makeBystanders>>;
  const shared = new Map<CommunityKind, World>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    by = await makeBystanders(t);
    for (const k of communityKinds) shared.set(k, await makeWorld(t, k));
  });
  afterAll(async () => t.close());

  function browserFor(a: ActorName, w: World): Omit<Browser, 'userId'> | undefined {
    if (a === 'anonymous') return undefined;
    if (a === 'outsider' || a === 'admin') return by.as[a];
    return w.as[a];
  }

  function send(rc: RouteCase, w: World, b: Omit<Browser, 'userId'> | undefined): Promise<LightMyRequestResponse> {
    const url = rc.url(w);
    if (url.startsWith('/api/')) {
      // As a browser script would: JSON bodies, and the CSRF header (a DELETE has no body to exempt it).
      const body = rc.body?.(w) ?? (rc.method === 'GET' || rc.method === 'DELETE' ? undefined : {});
      const br = b ?? anonymousBrowser();
      const headers = { cookie: br.cookie, 'x-csrf-token': br.csrf, ...(body ? { 'content-type': 'application/json' } : {}) };
      return t.app.inject({ method: rc.method, url, headers, ...(body ? { payload: JSON.stringify(body) } : {}) });
    }
    if (rc.method === 'GET') return t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
    return postForm(t, url, rc.body?.(w) ?? {}, b ?? anonymousBrowser());
  }

  it('covers every route communitiesRoutes registers', async () => {
    // Only what communitiesRoutes registers: every other feature's routes (discussions, articles, glossary, …) have their own matrix.
    const registered = await routesOf(communitiesRoutes, t.deps);
    const covered = new Set(table.map((rc) => `${rc.method} ${rc.route}`));
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((c) => !registered.includes(c))).toEqual([]);
  });

  it('shows readers the private content the leak checks look for (so they can fail)', async () => {
    const w = shared.get('private-approval')!;
    const home = await t.app.inject({ url: `/c/${w.community.slug}`, headers: { cookie: w.as.member.cookie } });
    const members = await t.app.inject({ url: `/c/${w.community.slug}/members`, headers: { cookie: w.as.member.cookie } });
    for (const s of [`DESCRIPTION ${w.tok}`, `TOPIC ${w.tok}`, `Stella ${w.tok}`]) expect(home.body).toContain(s);
    for (const s of [w.member.username, w.moderator.username, w.steward.username]) expect(members.body).toContain(s);
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.url({ community: { slug: ':slug' }, requestId: ':id', invitationId: ':id', member: { username: ':username' } } as unknown as World)}`, () => {
      it('answers each actor in each kind of community as expected and leaks nothing private', async () => {
        const problems: string[] = [];
        for (const k of communityKinds) {
          for (const a of actors) {
            const w = rc.mutates ? await makeWorld(t, k) : shared.get(k)!;
            const res = await send(rc, w, browserFor(a, w));
            const want = rc.expect(a, k);
            if (res.statusCode !== want) problems.push(`${a} on ${k}: got ${res.statusCode}, want ${want} (${res.body.slice(0, 160)})`);
            // What the request itself names (a username in the URL) is echoed back harmlessly, e.g. in the theme form.
            const url = rc.url(w);
            const leaks = [...(reads(a, k) ? [] : w.secrets), ...(sees(a, k) ? [] : w.hidden)].filter((s) => res.body.includes(s) && !url.includes(s));
            if (leaks.length > 0) problems.push(`${a} on ${k}: body leaks ${leaks.join(', ')}`);
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});
