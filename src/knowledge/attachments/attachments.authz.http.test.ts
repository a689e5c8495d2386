import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase } from '../../discussions/moderation/authz.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import { deleteVia, storedState, upload } from './attachments.fixtures.ts';

/*
 * Every attachments route × who asks × public/private community. The article and the post belong to
 * "owner" (not a role here: "member" is another member, who may neither attach to them nor remove the
 * owner's files). Writes that are refused must store nothing: no row, no activity, no file.
 */

interface Spot {
  slug: string;
  articleId: number;
  postId: number;
  /** A file the owner attached to the article, for reads. */
  fileId: number;
  fileUrl: string;
  /** Attaches a fresh file as the owner and returns its id, for removals. */
  freshFile(): Promise<number>;
}

const SECRET = 'AttachSecretQz';
const file = () => ({ name: 'matrix.txt', type: 'text/plain', bytes: Buffer.from(`${SECRET} notes\n`) });
const get = (t: TestApp, url: string, b: Browser | undefined) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
const anon = (b: Browser | undefined) => b ?? anonymousBrowser();

const table: Array<RouteCase<Spot> & { write: boolean }> = [
  { method: 'GET', route: '/c/:slug/files', need: 'read', ok: 200, write: false, call: (t, p, b) => get(t, `/c/${p.slug}/files`, b) },
  { method: 'GET', route: '/api/v1/communities/:slug/attachments', need: 'read', ok: 200, write: false, call: (t, p, b) => get(t, `/api/v1/communities/${p.slug}/attachments`, b) },
  { method: 'GET', route: '/api/v1/attachments/:id', need: 'read', ok: 200, write: false, call: (t, p, b) => get(t, `/api/v1/attachments/${p.fileId}`, b) },
  { method: 'GET', route: '/files/:id/:name', need: 'read', ok: 200, write: false, call: (t, p, b) => get(t, p.fileUrl, b) },
  { method: 'GET', route: '/c/:slug/posts/:id/attach', need: 'moderate', ok: 200, anonymous: 303, write: false, call: (t, p, b) => get(t, `/c/${p.slug}/posts/${p.postId}/attach`, b) },
  { method: 'POST', route: '/api/v1/articles/:id/attachments', need: 'moderate', ok: 201, write: true, call: async (t, p, b) => upload(t, `/api/v1/articles/${p.articleId}/attachments`, file(), anon(b)) },
  { method: 'POST', route: '/api/v1/posts/:id/attachments', need: 'moderate', ok: 201, write: true, call: async (t, p, b) => upload(t, `/api/v1/posts/${p.postId}/attachments`, file(), anon(b)) },
  { method: 'POST', route: '/c/:slug/a/:id/attachments', need: 'moderate', ok: 303, write: true, call: async (t, p, b) => upload(t, `/c/${p.slug}/a/${p.articleId}/attachments`, file(), anon(b)) },
  { method: 'POST', route: '/c/:slug/posts/:id/attachments', need: 'moderate', ok: 303, write: true, call: async (t, p, b) => upload(t, `/c/${p.slug}/posts/${p.postId}/attachments`, file(), anon(b)) },
  { method: 'DELETE', route: '/api/v1/attachments/:id', need: 'moderate', ok: 204, write: true, call: async (t, p, b) => deleteVia(t, await p.freshFile(), b) },
  { method: 'POST', route: '/c/:slug/files/:id/delete', need: 'moderate', ok: 303, write: true, call: async (t, p, b) => postForm(t, `/c/${p.slug}/files/${await p.freshFile()}/delete`, {}, b) },
];

describeEachDialect('attachments authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    const w = await articlesWorld(t);
    as.set('anonymous', undefined);
    as.set('outsider', w.as.outsider);
    as.set('member', w.as.other);
    as.set('moderator', w.as.moderator);
    as.set('steward', w.as.steward);
    as.set('admin (not a member)', w.as.admin);
    for (const place of places) {
      const slug = place === 'public' ? w.pub.slug : w.priv.slug;
      const articleId = (await writeArticleVia(t, w.as.member, slug)).id;
      const postId = (await startTopicVia(t, w.as.member, slug)).openingPostId;
      const attach = async () => {
        const res = await upload(t, `/api/v1/articles/${articleId}/attachments`, file(), w.as.member);
        if (res.statusCode !== 201) throw new Error(`could not attach: ${res.body}`);
        return res.json() as { id: number; url: string };
      };
      const first = await attach();
      spots.set(place, { slug, articleId, postId, fileId: first.id, fileUrl: first.url, freshFile: async () => (await attach()).id });
    }
  });
  afterAll(async () => t.close());

  it('covers every route attachmentsRoutes registers', async () => {
    expect(await routesOf(attachmentsRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role as the rules say in a ${place} community; refused writes store nothing`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            // Removals attach their target first; count from after that.
            const before = rc.write && rc.method === 'POST' && !rc.route.endsWith('/delete') ? await storedState(t) : null;
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            if (before && want[role] >= 400) expect(await storedState(t), `${role} was refused but something was stored`).toEqual(before);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (!reader) expect(res.body, `${role} saw the private file`).not.toContain(SECRET);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }

  it('refused removals keep the row and the file', async () => {
    const p = spots.get('public')!;
    const id = await p.freshFile();
    const before = await storedState(t);
    expect((await deleteVia(t, id, as.get('member'))).statusCode).toBe(403);
    expect((await postForm(t, `/c/${p.slug}/files/${id}/delete`, {}, as.get('outsider'))).statusCode).toBe(403);
    expect(await storedState(t)).toEqual(before);
  });
});
