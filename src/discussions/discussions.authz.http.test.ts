import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { discussionsRoutes } from './discussions.routes.ts';
import { startTopicVia } from './discussions.fixtures.ts';

type Role = 'anonymous' | 'non-member' | 'member' | 'moderator' | 'steward' | 'admin (not a member)';
type Kind = 'public' | 'private (approval)' | 'private (invite-only)';
const roles: Role[] = ['anonymous', 'non-member', 'member', 'moderator', 'steward', 'admin (not a member)'];
const kinds: Kind[] = ['public', 'private (approval)', 'private (invite-only)'];

interface Place {
  slug: string;
  topicId: number;
  postId: number;
  secret: string;
  /** A public community the member, moderator and steward all belong to: where cross-posts go. */
  elsewhere: { id: number; slug: string };
  /** The member who started the topic (its author). */
  author: Browser;
}

interface RouteCase {
  method: string;
  route: string;
  /**
   * 'read': 404 to non-readers. 'write': 401 anonymous, 404 non-readers, 403 non-members.
   * 'personal': anyone signed in (anonymous 401). 'signed-in read': 401 anonymous, 404 non-readers.
   */
  kind: 'read' | 'write' | 'personal' | 'signed-in read';
  ok: number;
  /** What anonymous visitors get when the route wants a signed-in member (pages may redirect to sign in). */
  anonymous?: number;
  /** Members whose role does not allow it (the member is the topic's author). */
  members?: Partial<Record<'member' | 'moderator' | 'steward', number>>;
  call(t: TestApp, p: Place, b: Browser | undefined): Promise<LightMyRequestResponse>;
}

const page = (t: TestApp, url: string, b?: Browser) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
/** A bodyless cookie request, carrying the CSRF token in x-csrf-token as a script would. */
const bodyless = (t: TestApp, method: 'DELETE', url: string, b?: Browser) => t.app.inject({ method, url, headers: b ? { cookie: b.cookie, 'x-csrf-token': b.csrf } : {} });
const t_ = (p: Place) => `/c/${p.slug}/t/${p.topicId}`;

/** A fresh reply by the topic's author, for routes that use a post up (delete). */
async function freshReply(t: TestApp, p: Place): Promise<number> {
  const res = await api(t, 'POST', `/api/v1/topics/${p.topicId}/posts`, { body: 'A reply to delete' }, p.author);
  return res.json().id as number;
}
const unlink = (t: TestApp, p: Place) => t.deps.db.deleteFrom('topic_crossposts').where('topic_id', '=', p.topicId).execute();
async function link(t: TestApp, p: Place) {
  await unlink(t, p);
  await t.deps.db.insertInto('topic_crossposts').values({ topic_id: p.topicId, community_id: p.elsewhere.id, created_by: p.author.userId, created_at: new Date().toISOString() }).execute();
}
const crosspostRoles = { moderator: 403 };

const table: RouteCase[] = [
  { method: 'GET', route: '/c/:slug/t/new', kind: 'write', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `/c/${p.slug}/t/new`, b) },
  { method: 'POST', route: '/c/:slug/t/new', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `/c/${p.slug}/t/new`, { title: 'Matrix topic', body: 'Hello', tags: 'matrix' }, b) },
  { method: 'GET', route: '/c/:slug/t/:id', kind: 'read', ok: 200, call: (t, p, b) => page(t, t_(p), b) },
  { method: 'POST', route: '/c/:slug/t/:id/reply', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `${t_(p)}/reply`, { body: 'Matrix reply' }, b) },
  { method: 'GET', route: '/c/:slug/topics', kind: 'read', ok: 200, call: (t, p, b) => page(t, `/c/${p.slug}/topics?view=unanswered`, b) },
  { method: 'GET', route: '/c/:slug/tags', kind: 'read', ok: 200, call: (t, p, b) => page(t, `/c/${p.slug}/tags`, b) },
  { method: 'GET', route: '/c/:slug/tags/:tag', kind: 'read', ok: 200, call: (t, p, b) => page(t, `/c/${p.slug}/tags/matrix`, b) },
  { method: 'GET', route: '/me/topics', kind: 'personal', ok: 200, anonymous: 303, call: (t, _p, b) => page(t, '/me/topics', b) },
  { method: 'GET', route: '/c/:slug/t/:id/posts/:postId/edit', kind: 'write', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `${t_(p)}/posts/${p.postId}/edit`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/posts/:postId/edit', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `${t_(p)}/posts/${p.postId}/edit`, { title: `Title ${p.secret}`, body: `Edited ${p.secret}`, reason: 'matrix' }, b) },
  { method: 'GET', route: '/c/:slug/t/:id/posts/:postId/delete', kind: 'write', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `${t_(p)}/posts/${p.postId}/delete`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/posts/:postId/delete', kind: 'write', ok: 303, call: async (t, p, b) => postForm(t, `${t_(p)}/posts/${await freshReply(t, p)}/delete`, { reason: 'matrix' }, b) },
  { method: 'GET', route: '/c/:slug/t/:id/posts/:postId/revisions', kind: 'read', ok: 200, call: (t, p, b) => page(t, `${t_(p)}/posts/${p.postId}/revisions`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/crossposts', kind: 'write', ok: 303, members: crosspostRoles, call: async (t, p, b) => (await unlink(t, p), postForm(t, `${t_(p)}/crossposts`, { community: p.elsewhere.slug }, b)) },
  { method: 'POST', route: '/c/:slug/t/:id/crossposts/:target/remove', kind: 'write', ok: 303, members: crosspostRoles, call: async (t, p, b) => (await link(t, p), postForm(t, `${t_(p)}/crossposts/${p.elsewhere.slug}/remove`, {}, b)) },
  { method: 'GET', route: '/api/v1/communities/:slug/topics', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/communities/${p.slug}/topics?tag=matrix`, undefined, b) },
  { method: 'POST', route: '/api/v1/communities/:slug/topics', kind: 'write', ok: 201, call: (t, p, b) => api(t, 'POST', `/api/v1/communities/${p.slug}/topics`, { title: 'Matrix topic', body: 'Hello' }, b) },
  { method: 'GET', route: '/api/v1/communities/:slug/tags', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/communities/${p.slug}/tags`, undefined, b) },
  { method: 'GET', route: '/api/v1/me/topics', kind: 'personal', ok: 200, call: (t, _p, b) => api(t, 'GET', '/api/v1/me/topics', undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}`, undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id/posts', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}/posts`, undefined, b) },
  { method: 'POST', route: '/api/v1/topics/:id/posts', kind: 'write', ok: 201, call: (t, p, b) => api(t, 'POST', `/api/v1/topics/${p.topicId}/posts`, { body: 'Matrix reply' }, b) },
  { method: 'PUT', route: '/api/v1/topics/:id/read', kind: 'signed-in read', ok: 200, call: (t, p, b) => api(t, 'PUT', `/api/v1/topics/${p.topicId}/read`, {}, b) },
  { method: 'POST', route: '/api/v1/topics/:id/crossposts', kind: 'write', ok: 201, members: crosspostRoles, call: async (t, p, b) => (await unlink(t, p), api(t, 'POST', `/api/v1/topics/${p.topicId}/crossposts`, { community: p.elsewhere.slug }, b)) },
  { method: 'DELETE', route: '/api/v1/topics/:id/crossposts/:slug', kind: 'write', ok: 204, members: crosspostRoles, call: async (t, p, b) => (await link(t, p), bodyless(t, 'DELETE', `/api/v1/topics/${p.topicId}/crossposts/${p.elsewhere.slug}`, b)) },
  { method: 'PATCH', route: '/api/v1/posts/:id', kind: 'write', ok: 200, call: (t, p, b) => api(t, 'PATCH', `/api/v1/posts/${p.postId}`, { body: `Patched ${p.secret}`, reason: 'matrix' }, b) },
  { method: 'DELETE', route: '/api/v1/posts/:id', kind: 'write', ok: 200, call: async (t, p, b) => api(t, 'DELETE', `/api/v1/posts/${await freshReply(t, p)}`, { reason: 'matrix' }, b) },
  { method: 'GET', route: '/api/v1/posts/:id/revisions', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/posts/${p.postId}/revisions`, undefined, b) },
];

/** The status the visibility rule demands for this route, role and community. */
function expected(rc: RouteCase, role: Role, kind: Kind): number {
  const isMember = role === 'member' || role === 'moderator' || role === 'steward';
  const reader = kind === 'public' || isMember;
  if (rc.kind === 'read') return reader ? rc.ok : 404;
  if (role === 'anonymous') return rc.anonymous ?? 401;
  if (rc.kind === 'personal') return rc.ok;
  if (!reader) return 404;
  if (rc.kind === 'signed-in read') return rc.ok;
  if (!isMember) return 403;
  return rc.members?.[role as 'member'] ?? rc.ok;
}

/** The routes discussionsRoutes registers (not the Q&A, moderation or engagement ones). */
async function discussionsRouteList(t: TestApp): Promise<string[]> {
  const bare = Fastify();
  const list: string[] = [];
  bare.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') list.push(`${m} ${r.url}`);
  });
  await bare.register(async (scope) => discussionsRoutes(scope, t.deps));
  await bare.ready();
  await bare.close();
  return list;
}

describeEachDialect('discussions authorization matrix', (dialect) => {
  let t: TestApp;
  const places = new Map<Kind, Place>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const [steward, moderator, member, outsider, admin] = await Promise.all([makeUser(db), makeUser(db), makeUser(db), makeUser(db), makeUser(db, { role: 'admin' })]);
    as.set('anonymous', undefined);
    as.set('non-member', await signInAs(t, outsider.id));
    as.set('member', await signInAs(t, member.id));
    as.set('moderator', await signInAs(t, moderator.id));
    as.set('steward', await signInAs(t, steward.id));
    as.set('admin (not a member)', await signInAs(t, admin.id));
    const settings = { public: ['public', 'open'], 'private (approval)': ['private', 'approval'], 'private (invite-only)': ['private', 'invite'] } as const;
    for (const kind of kinds) {
      const [visibility, join_policy] = settings[kind];
      const c = await makeCommunity(db, steward.id, { visibility, join_policy });
      await addMember(db, c.id, moderator.id, 'moderator');
      await addMember(db, c.id, member.id, 'member');
      const elsewhere = await makeCommunity(db, steward.id, { visibility: 'public', join_policy: 'open' });
      await addMember(db, elsewhere.id, moderator.id, 'member');
      await addMember(db, elsewhere.id, member.id, 'member');
      const secret = `SECRET${dialect}${kinds.indexOf(kind)}`;
      const topic = await startTopicVia(t, as.get('member')!, c.slug, { title: `Title ${secret}`, body: `Body ${secret}`, tags: ['matrix'] });
      const opening = await db.selectFrom('posts').select('id').where('topic_id', '=', topic.id).executeTakeFirstOrThrow();
      places.set(kind, { slug: c.slug, topicId: topic.id, postId: opening.id, secret, elsewhere: { id: elsewhere.id, slug: elsewhere.slug }, author: as.get('member')! });
    }
  });
  afterAll(async () => t.close());

  it('covers every route the discussions module registers', async () => {
    const covered = table.map((rc) => `${rc.method} ${rc.route}`);
    expect((await discussionsRouteList(t)).sort()).toEqual([...covered].sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const kind of kinds) {
        it(`answers each role as the visibility rule says in a ${kind} community, and 404s leak nothing`, async () => {
          const p = places.get(kind)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc, role, kind);
            if (res.statusCode >= 400) expect(res.body, `${role} got a body naming the private topic`).not.toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
