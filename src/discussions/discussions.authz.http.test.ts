import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { startTopicVia } from './discussions.fixtures.ts';

type Role = 'anonymous' | 'non-member' | 'member' | 'moderator' | 'steward' | 'admin (not a member)';
type Kind = 'public' | 'private (approval)' | 'private (invite-only)';
const roles: Role[] = ['anonymous', 'non-member', 'member', 'moderator', 'steward', 'admin (not a member)'];
const kinds: Kind[] = ['public', 'private (approval)', 'private (invite-only)'];

interface Place {
  slug: string;
  topicId: number;
  secret: string;
}

interface RouteCase {
  method: string;
  route: string;
  /** 'read' routes answer 404 to non-readers; 'write' routes 401 anonymous, 404 non-readers, 403 non-members. */
  kind: 'read' | 'write';
  ok: number;
  /** What anonymous visitors get when the route wants a signed-in member (pages may redirect to sign in). */
  anonymous?: number;
  call(t: TestApp, p: Place, b: Browser | undefined): Promise<LightMyRequestResponse>;
}

const page = (t: TestApp, url: string, b?: Browser) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });

const table: RouteCase[] = [
  { method: 'GET', route: '/c/:slug/t/new', kind: 'write', ok: 200, anonymous: 303, call: (t, p, b) => page(t, `/c/${p.slug}/t/new`, b) },
  { method: 'POST', route: '/c/:slug/t/new', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `/c/${p.slug}/t/new`, { title: 'Matrix topic', body: 'Hello' }, b) },
  { method: 'GET', route: '/c/:slug/t/:id', kind: 'read', ok: 200, call: (t, p, b) => page(t, `/c/${p.slug}/t/${p.topicId}`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/reply', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `/c/${p.slug}/t/${p.topicId}/reply`, { body: 'Matrix reply' }, b) },
  { method: 'GET', route: '/api/v1/communities/:slug/topics', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/communities/${p.slug}/topics`, undefined, b) },
  { method: 'POST', route: '/api/v1/communities/:slug/topics', kind: 'write', ok: 201, call: (t, p, b) => api(t, 'POST', `/api/v1/communities/${p.slug}/topics`, { title: 'Matrix topic', body: 'Hello' }, b) },
  { method: 'GET', route: '/api/v1/topics/:id', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}`, undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id/posts', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}/posts`, undefined, b) },
  { method: 'POST', route: '/api/v1/topics/:id/posts', kind: 'write', ok: 201, call: (t, p, b) => api(t, 'POST', `/api/v1/topics/${p.topicId}/posts`, { body: 'Matrix reply' }, b) },
];

/** The status the visibility rule demands for this route, role and community. */
function expected(rc: RouteCase, role: Role, kind: Kind): number {
  const isMember = role === 'member' || role === 'moderator' || role === 'steward';
  const reader = kind === 'public' || isMember;
  if (rc.kind === 'read') return reader ? rc.ok : 404;
  if (role === 'anonymous') return rc.anonymous ?? 401;
  if (!reader) return 404;
  return isMember ? rc.ok : 403;
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
      const secret = `SECRET-${dialect}-${kinds.indexOf(kind)}`;
      const topic = await startTopicVia(t, as.get('member')!, c.slug, { title: `Title ${secret}`, body: `Body ${secret}` });
      places.set(kind, { slug: c.slug, topicId: topic.id, secret });
    }
  });
  afterAll(async () => t.close());

  it('covers every discussions route the app registers', () => {
    const isDiscussions = (url: string) => /\/t(\/|$)|\/topics(\/|$)/.test(url);
    const registered = t.app.routeList.filter((r) => isDiscussions(r.url)).map((r) => `${r.method} ${r.url}`);
    const covered = table.map((rc) => `${rc.method} ${rc.route}`);
    expect(registered.sort()).toEqual([...covered].sort());
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
