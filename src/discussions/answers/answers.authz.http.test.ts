import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { apiDelete, makeAnswer, makeQuestion } from './answers.fixtures.ts';

/*
 * Every Q&A route × who is asking × public/private community. "author" asked the question, wrote the
 * answer being voted on and the comment being deleted: they may not vote on their own answer, but
 * may accept (as the asker) and delete their own comment. Non-members of a private community get 404
 * everywhere, leaking nothing; admins who are not members are outsiders like any other.
 */
type Role = 'anonymous' | 'outsider' | 'member' | 'author' | 'steward' | 'admin (not a member)';
type Kind = 'public' | 'private';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'author', 'steward', 'admin (not a member)'];
const kinds: Kind[] = ['public', 'private'];

interface Place {
  slug: string;
  topicId: number;
  answerId: number;
  secret: string;
  /** Inserts a fresh comment by the author on the answer (one per delete attempt). */
  newComment(): Promise<number>;
}

interface RouteCase {
  method: string;
  route: string;
  /** 'read' answers 404 to non-readers; 'write' answers 401 anonymous, 404 non-readers, 403 readers who are not members. */
  kind: 'read' | 'write';
  ok: number;
  /** Members for whom the rule differs from `ok` (own post, not allowed to accept, not their comment). */
  members?: Partial<Record<'member' | 'author' | 'steward', number>>;
  /** What anonymous visitors get when not 401 (a page sends them to sign in). */
  anonymous?: number;
  call(t: TestApp, p: Place, b: Browser | undefined): Promise<LightMyRequestResponse>;
}

const post = (p: Place) => `/c/${p.slug}/t/${p.topicId}/posts/${p.answerId}`;

const table: RouteCase[] = [
  { method: 'PUT', route: '/api/v1/posts/:id/vote', kind: 'write', ok: 200, members: { author: 403 }, call: (t, p, b) => api(t, 'PUT', `/api/v1/posts/${p.answerId}/vote`, { value: 1 }, b) },
  { method: 'DELETE', route: '/api/v1/posts/:id/vote', kind: 'write', ok: 200, members: { author: 403 }, call: (t, p, b) => apiDelete(t, `/api/v1/posts/${p.answerId}/vote`, b) },
  { method: 'PUT', route: '/api/v1/topics/:id/accepted', kind: 'write', ok: 200, members: { member: 403 }, call: (t, p, b) => api(t, 'PUT', `/api/v1/topics/${p.topicId}/accepted`, { postId: p.answerId }, b) },
  { method: 'DELETE', route: '/api/v1/topics/:id/accepted', kind: 'write', ok: 200, members: { member: 403 }, call: (t, p, b) => apiDelete(t, `/api/v1/topics/${p.topicId}/accepted`, b) },
  { method: 'GET', route: '/api/v1/posts/:id/comments', kind: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/posts/${p.answerId}/comments`, undefined, b) },
  { method: 'POST', route: '/api/v1/posts/:id/comments', kind: 'write', ok: 201, call: (t, p, b) => api(t, 'POST', `/api/v1/posts/${p.answerId}/comments`, { body: 'Matrix comment' }, b) },
  { method: 'DELETE', route: '/api/v1/comments/:id', kind: 'write', ok: 200, members: { member: 403 }, call: async (t, p, b) => apiDelete(t, `/api/v1/comments/${await p.newComment()}`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/posts/:postId/vote', kind: 'write', ok: 303, members: { author: 403 }, call: (t, p, b) => postForm(t, `${post(p)}/vote`, { value: '1' }, b) },
  { method: 'POST', route: '/c/:slug/t/:id/posts/:postId/accept', kind: 'write', ok: 303, members: { member: 403 }, call: (t, p, b) => postForm(t, `${post(p)}/accept`, {}, b) },
  { method: 'POST', route: '/c/:slug/t/:id/unaccept', kind: 'write', ok: 303, members: { member: 403 }, call: (t, p, b) => postForm(t, `/c/${p.slug}/t/${p.topicId}/unaccept`, {}, b) },
  { method: 'GET', route: '/c/:slug/t/:id/posts/:postId/comments/new', kind: 'write', ok: 200, anonymous: 303, call: (t, p, b) => t.app.inject({ url: `${post(p)}/comments/new`, headers: b ? { cookie: b.cookie } : {} }) },
  { method: 'POST', route: '/c/:slug/t/:id/posts/:postId/comments', kind: 'write', ok: 303, call: (t, p, b) => postForm(t, `${post(p)}/comments`, { body: 'Matrix comment' }, b) },
  { method: 'POST', route: '/c/:slug/t/:id/comments/:commentId/delete', kind: 'write', ok: 303, members: { member: 403 }, call: async (t, p, b) => postForm(t, `/c/${p.slug}/t/${p.topicId}/comments/${await p.newComment()}/delete`, {}, b) },
];

/** The status the rules demand for this route, role and community. */
function expected(rc: RouteCase, role: Role, kind: Kind): number {
  const isMember = role === 'member' || role === 'author' || role === 'steward';
  const reader = kind === 'public' || isMember;
  if (rc.kind === 'read') return reader ? rc.ok : 404;
  if (role === 'anonymous') return rc.anonymous ?? 401;
  if (!reader) return 404;
  if (!isMember) return 403;
  return rc.members?.[role] ?? rc.ok;
}

describeEachDialect('answers authorization matrix', (dialect) => {
  let t: TestApp;
  const places = new Map<Kind, Place>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const [steward, member, author, outsider, admin] = await Promise.all([makeUser(db), makeUser(db), makeUser(db), makeUser(db), makeUser(db, { role: 'admin' })]);
    as.set('anonymous', undefined);
    as.set('outsider', await signInAs(t, outsider.id));
    as.set('member', await signInAs(t, member.id));
    as.set('author', await signInAs(t, author.id));
    as.set('steward', await signInAs(t, steward.id));
    as.set('admin (not a member)', await signInAs(t, admin.id));
    for (const kind of kinds) {
      const c = await makeCommunity(db, steward.id, kind === 'public' ? { visibility: 'public', join_policy: 'open' } : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, member.id);
      await addMember(db, c.id, author.id);
      const secret = `QASECRET-${dialect}-${kind}`;
      const q = await makeQuestion(db, c.id, author.id, { title: `Title ${secret}`, body: `Body ${secret}` });
      const answerId = await makeAnswer(db, q.topicId, author.id, { body: `Answer ${secret}` });
      const newComment = async () => {
        const row = await db.insertInto('comments').values({ post_id: answerId, author_id: author.id, body: `Comment ${secret}`, body_html: `<p>Comment ${secret}</p>`, created_at: new Date().toISOString(), deleted_at: null }).returning('id').executeTakeFirstOrThrow();
        await db.updateTable('posts').set((eb) => ({ comment_count: eb('comment_count', '+', 1) })).where('id', '=', answerId).execute();
        return row.id;
      };
      await newComment();
      places.set(kind, { slug: c.slug, topicId: q.topicId, answerId, secret, newComment });
    }
  });
  afterAll(async () => t.close());

  it('covers every answers route the app registers', () => {
    const isAnswers = (url: string) => /\/(posts|topics|comments)\/:|\/t\/:id\/(unaccept|comments\/)/.test(url) && /vote|accept|comments/.test(url);
    const registered = t.app.routeList.filter((r) => isAnswers(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(registered.sort()).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const kind of kinds) {
        it(`answers each role as the rules say in a ${kind} community, and refusals leak nothing`, async () => {
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
