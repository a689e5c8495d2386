import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { replyVia, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { articlesWorld, countRows, writeArticleVia } from '../articles/articles.fixtures.ts';
import { linksRoutes } from './links.routes.ts';

/*
 * Every links route (back-links, "I applied this") × who is asking × public/private community. Each
 * write gets a fresh article and a fresh answered question, both written by "author", already marked
 * as applied by the member, the moderator and the steward (so withdrawing has something to withdraw).
 * Non-members of the private community get 404 (visitors asking for a form page are sent to sign in
 * first, as everywhere); refused writes change nothing.
 */

type Role = 'anonymous' | 'outsider' | 'member' | 'author' | 'moderator' | 'steward' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'author', 'moderator', 'steward', 'admin'];
type As = Omit<Browser, 'userId'>;
interface Ctx { slug: string; article: number; topic: number; answer: number; as: As }
interface Route {
  name: string;
  write: boolean;
  call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>;
  expect: Record<Role, number>;
}

const read = { anonymous: 200, outsider: 200, member: 200, author: 200, moderator: 200, steward: 200, admin: 200 };
// Members who did not write it; the author, and non-members, are refused.
const mark = (ok: number) => ({ anonymous: 401, outsider: 403, member: ok, author: 403, moderator: ok, steward: ok, admin: 403 });
// The page with an answer's forms: as marking, but visitors are sent to sign in.
const formPage = { ...mark(200), anonymous: 303 };
// Withdrawing: those who marked it; anyone else who may read it has nothing to withdraw (404).
const withdraw = (ok: number) => ({ anonymous: 401, outsider: 404, member: ok, author: 404, moderator: ok, steward: ok, admin: 404 });

const routes: Route[] = [
  { name: 'GET /api/v1/articles/:id/backlinks', write: false, call: (t, c) => api(t, 'GET', `/api/v1/articles/${c.article}/backlinks`, undefined, c.as), expect: read },
  { name: 'GET /api/v1/topics/:id/backlinks', write: false, call: (t, c) => api(t, 'GET', `/api/v1/topics/${c.topic}/backlinks`, undefined, c.as), expect: read },
  { name: 'GET /api/v1/articles/:id/applied', write: false, call: (t, c) => api(t, 'GET', `/api/v1/articles/${c.article}/applied`, undefined, c.as), expect: read },
  { name: 'GET /api/v1/posts/:id/applied', write: false, call: (t, c) => api(t, 'GET', `/api/v1/posts/${c.answer}/applied`, undefined, c.as), expect: read },
  { name: 'POST /api/v1/articles/:id/applied', write: true, call: (t, c) => api(t, 'POST', `/api/v1/articles/${c.article}/applied`, { note: 'matrix' }, c.as), expect: mark(200) },
  { name: 'DELETE /api/v1/articles/:id/applied', write: true, call: (t, c) => api(t, 'DELETE', `/api/v1/articles/${c.article}/applied`, {}, c.as), expect: withdraw(200) },
  { name: 'POST /api/v1/posts/:id/applied', write: true, call: (t, c) => api(t, 'POST', `/api/v1/posts/${c.answer}/applied`, { note: 'matrix' }, c.as), expect: mark(200) },
  { name: 'DELETE /api/v1/posts/:id/applied', write: true, call: (t, c) => api(t, 'DELETE', `/api/v1/posts/${c.answer}/applied`, {}, c.as), expect: withdraw(200) },
  { name: 'POST /c/:slug/a/:id/applied', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.article}/applied`, { note: 'matrix' }, c.as), expect: mark(303) },
  { name: 'POST /c/:slug/a/:id/applied/withdraw', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/a/${c.article}/applied/withdraw`, {}, c.as), expect: withdraw(303) },
  { name: 'GET /c/:slug/t/:id/posts/:postId/applied', write: false, call: (t, c) => t.app.inject({ method: 'GET', url: `/c/${c.slug}/t/${c.topic}/posts/${c.answer}/applied`, headers: { cookie: c.as.cookie } }), expect: formPage },
  { name: 'POST /c/:slug/t/:id/posts/:postId/applied', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/t/${c.topic}/posts/${c.answer}/applied`, { note: 'matrix' }, c.as), expect: mark(303) },
  { name: 'POST /c/:slug/t/:id/posts/:postId/applied/withdraw', write: true, call: (t, c) => postForm(t, `/c/${c.slug}/t/${c.topic}/posts/${c.answer}/applied/withdraw`, {}, c.as), expect: withdraw(303) },
];

describeEachDialect('links authorization matrix', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const counts = async () => Promise.all((['applied', 'links', 'activity'] as const).map((x) => countRows(t.deps.db, x)));

  async function fresh(slug: string): Promise<Omit<Ctx, 'as'>> {
    const a = await writeArticleVia(t, w.as.member, slug, { title: 'SecretArticleQz' });
    const q = await startTopicVia(t, w.as.steward, slug, { kind: 'question', title: 'SecretQuestionQz', body: `See [this](/c/${slug}/a/${a.id})` });
    const answer = await replyVia(t, w.as.member, q.id, 'SecretAnswerQz');
    for (const who of [w.as.other, w.as.moderator, w.as.steward]) {
      for (const url of [`/api/v1/articles/${a.id}/applied`, `/api/v1/posts/${answer.id}/applied`]) {
        const res = await api(t, 'POST', url, { note: 'SecretNoteQz' }, who);
        if (res.statusCode !== 200) throw new Error(`could not mark: ${res.statusCode} ${res.body}`);
      }
    }
    return { slug, article: a.id, topic: q.id, answer: answer.id };
  }

  // One test walks the whole matrix (routes × roles × places): slow on a loaded 2-core machine, so it gets room.
  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 180_000 }, async () => {
    const browsers: Record<Role, As> = { anonymous: anonymousBrowser(), outsider: w.as.outsider, member: w.as.other, author: w.as.member, moderator: w.as.moderator, steward: w.as.steward, admin: w.as.admin };
    const shared = { public: await fresh(w.pub.slug), private: await fresh(w.priv.slug) };
    const mismatches: string[] = [];
    for (const visibility of ['public', 'private'] as const) {
      const slug = visibility === 'public' ? w.pub.slug : w.priv.slug;
      for (const route of routes) {
        for (const role of roles) {
          const c = route.write ? await fresh(slug) : shared[visibility];
          let want = route.expect[role];
          if (visibility === 'private' && (role === 'outsider' || role === 'admin' || (role === 'anonymous' && want === 200))) want = 404;
          const before = await counts();
          const res = await route.call(t, { ...c, as: browsers[role] });
          if (res.statusCode !== want) mismatches.push(`${visibility} ${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
          if (route.write && want >= 400 && JSON.stringify(await counts()) !== JSON.stringify(before)) mismatches.push(`${visibility} ${route.name} as ${role} wrote something`);
          if (visibility === 'private' && want >= 400 && /Secret\w+Qz/.test(res.body)) mismatches.push(`${route.name} as ${role} leaked`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route linksRoutes registers', async () => {
    const registered = await routesOf(linksRoutes, t.deps);
    expect(registered).toEqual(routes.map((r) => r.name).sort());
  });
});
