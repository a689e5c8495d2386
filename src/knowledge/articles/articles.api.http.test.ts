import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articleCounts, articlesWorld, writeArticleVia, type ArticleJson } from './articles.fixtures.ts';

describeEachDialect('articles API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const create = (body: Record<string, unknown>, who: Omit<Browser, 'userId'> = w.as.member, slug = w.pub.slug) => api(t, 'POST', `/api/v1/communities/${slug}/articles`, body, who);
  const patch = (id: number, body: unknown, who = w.as.member) => api(t, 'PATCH', `/api/v1/articles/${id}`, body, who);
  const valid = { type: 'how-to', title: 'Sharpen a knife', body: 'Use a *whetstone*.' };

  describe('POST /api/v1/communities/:slug/articles', () => {
    it('writes a draft with rendered HTML, tags, the author as owner and one article.created activity row', async () => {
      const res = await create({ ...valid, tags: ['knives', 'basics'] });
      expect(res.statusCode).toBe(201);
      const a = res.json() as ArticleJson;
      expect(a).toMatchObject({ type: 'how-to', state: 'draft', wiki: false, revision: 1, bodyHtml: '<p>Use a <em>whetstone</em>.</p>\n', tags: ['basics', 'knives'], owners: [{ username: w.member.username }] });
      const act = await db().selectFrom('activity').selectAll().where('verb', '=', 'article.created').where('subject_id', '=', a.id).execute();
      expect(act).toHaveLength(1);
      expect(act[0]?.community_id).toBe(w.pub.id);
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['a missing type', { title: 'x', body: 'y' }, 'type'],
      ['an unknown type', { ...valid, type: 'poem' }, 'type'],
      ['an empty title', { ...valid, title: '' }, 'title'],
      ['a blank title', { ...valid, title: '   ' }, 'title'],
      ['a too long title', { ...valid, title: 'x'.repeat(1000) }, 'title'],
      ['an empty body', { ...valid, body: '' }, 'body'],
      ['an unknown @mention', { ...valid, body: 'Ask @nobody-here-xyz' }, 'body'],
      ['an upper-case tag', { ...valid, tags: ['Knives'] }, 'tags'],
      ['a too long tag', { ...valid, tags: ['k'.repeat(31)] }, 'tags'],
      ['too many tags', { ...valid, tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] }, 'tags'],
    ];
    for (const [what, body, field] of bad) {
      it(`rejects ${what} with 400 naming ${field} and writes nothing`, async () => {
        const before = await articleCounts(db());
        const res = await create(body);
        expect(res.statusCode).toBe(400);
        expect(JSON.stringify(res.json().error.details)).toContain(field);
        expect(await articleCounts(db())).toEqual(before);
      });
    }

    it('refuses anonymous (401), outsiders (403 public, 404 private) and writes nothing', async () => {
      const before = await articleCounts(db());
      expect((await create(valid, anonymousBrowser())).statusCode).toBe(401);
      expect((await create(valid, w.as.outsider)).statusCode).toBe(403);
      expect((await create(valid, w.as.outsider, w.priv.slug)).statusCode).toBe(404);
      expect((await create(valid, w.as.admin, w.priv.slug)).statusCode).toBe(404);
      expect(await articleCounts(db())).toEqual(before);
    });
  });

  describe('PATCH /api/v1/articles/:id', () => {
    it('keeps the replaced version as a revision, bumps the revision and records article.edited', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const res = await patch(a.id, { body: 'Use a **stone**.', reason: 'Clearer' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ revision: 2, body: 'Use a **stone**.', bodyHtml: '<p>Use a <strong>stone</strong>.</p>\n' });
      const revs = await db().selectFrom('article_revisions').selectAll().where('article_id', '=', a.id).execute();
      expect(revs).toMatchObject([{ revision: 1, title: a.title, body: a.body, reason: 'Clearer', editor_id: w.member.id }]);
      expect(await db().selectFrom('activity').select('id').where('verb', '=', 'article.edited').where('subject_id', '=', a.id).execute()).toHaveLength(1);
    });

    it('rejects bad fields with 400 naming them and writes nothing', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      for (const [body, field] of [[{ title: '' }, 'title'], [{ type: 'poem' }, 'type'], [{ body: 'hi @ghost-user-q' }, 'body'], [{ tags: ['Bad Tag'] }, 'tags'], [{ wiki: 'yes' }, 'wiki']] as const) {
        const before = await articleCounts(db());
        const res = await patch(a.id, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(JSON.stringify(res.json().error.details)).toContain(field);
        expect(await articleCounts(db())).toEqual(before);
      }
    });

    it('lets owners, stewards and moderators edit, but not other members unless the article is a wiki', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      expect((await patch(a.id, { body: 'by other' }, w.as.other)).statusCode).toBe(403);
      expect((await patch(a.id, { body: 'by steward' }, w.as.steward)).statusCode).toBe(200);
      expect((await patch(a.id, { body: 'by moderator' }, w.as.moderator)).statusCode).toBe(200);
      expect((await patch(a.id, { wiki: true }, w.as.other)).statusCode).toBe(403);
      expect((await patch(a.id, { wiki: true })).statusCode).toBe(200);
      expect((await patch(a.id, { body: 'by other, wiki' }, w.as.other)).statusCode).toBe(200);
      expect((await patch(a.id, { wiki: false }, w.as.other)).statusCode).toBe(403);
      expect((await patch(a.id, { body: 'outsider' }, w.as.outsider)).statusCode).toBe(403);
    });

    it('numbers concurrent edits without gaps or clashes', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => patch(a.id, { body: `edit ${i}` })));
      expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
      const revs = await db().selectFrom('article_revisions').select('revision').where('article_id', '=', a.id).orderBy('revision').execute();
      expect(revs.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  describe('revisions and restore', () => {
    it('lists edits with word diffs and restores an older version as a new revision (article.restored)', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Old title', body: 'one two three' });
      await patch(a.id, { title: 'New title', body: 'one four three' });
      const hist = await api(t, 'GET', `/api/v1/articles/${a.id}/revisions`);
      expect(hist.statusCode).toBe(200);
      const item = hist.json().items[0];
      expect(item).toMatchObject({ revision: 1, title: { before: 'Old title', after: 'New title' } });
      expect(item.body.diff).toEqual(expect.arrayContaining([{ op: 'removed', text: 'two' }, { op: 'added', text: 'four' }]));
      const res = await api(t, 'POST', `/api/v1/articles/${a.id}/revisions/1/restore`, {}, w.as.member);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ title: 'Old title', body: 'one two three', revision: 3 });
      expect(await db().selectFrom('activity').select('id').where('verb', '=', 'article.restored').where('subject_id', '=', a.id).execute()).toHaveLength(1);
      expect((await api(t, 'POST', `/api/v1/articles/${a.id}/revisions/9/restore`, {}, w.as.member)).statusCode).toBe(404);
      expect((await api(t, 'POST', `/api/v1/articles/${a.id}/revisions/1/restore`, {}, w.as.other)).statusCode).toBe(403);
    });
  });

  describe('owners', () => {
    it('lets owners add and remove community members as owners, never the last one', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      expect((await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/${w.outsider.username}`, {}, w.as.member)).statusCode).toBe(400);
      expect((await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/no-such-user-q`, {}, w.as.member)).statusCode).toBe(404);
      expect((await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/${w.other.username}`, {}, w.as.steward)).statusCode).toBe(403);
      const added = await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/${w.other.username}`, {}, w.as.member);
      expect(added.statusCode).toBe(200);
      expect(added.json().owners.map((o: { username: string }) => o.username)).toEqual([w.member.username, w.other.username]);
      expect((await patch(a.id, { body: 'co-owner edit' }, w.as.other)).statusCode).toBe(200);
      expect((await api(t, 'DELETE', `/api/v1/articles/${a.id}/owners/${w.member.username}`, {}, w.as.other)).statusCode).toBe(200);
      expect((await api(t, 'DELETE', `/api/v1/articles/${a.id}/owners/${w.other.username}`, {}, w.as.other)).statusCode).toBe(409);
      expect(await db().selectFrom('activity').select('id').where('verb', 'in', ['article.owner_added', 'article.owner_removed']).where('subject_id', '=', a.id).execute()).toHaveLength(2);
    });
  });

  describe('GET /api/v1/communities/:slug/articles', () => {
    it('filters by type and tag and pages with a cursor', async () => {
      const c = await makeCommunity(db(), w.member.id, { name: 'List Kitchen', visibility: 'public', join_policy: 'open' });
      const slug = c.slug;
      for (let i = 0; i < 5; i++) await writeArticleVia(t, w.as.member, slug, { title: `Story ${i}`, type: i % 2 ? 'story' : 'reference', tags: i < 2 ? ['pinned'] : [] });
      const page1 = (await api(t, 'GET', `/api/v1/communities/${slug}/articles?limit=2`)).json();
      expect(page1.items.map((a: ArticleJson) => a.title)).toEqual(['Story 4', 'Story 3']);
      const page2 = (await api(t, 'GET', `/api/v1/communities/${slug}/articles?limit=2&cursor=${page1.nextCursor}`)).json();
      expect(page2.items.map((a: ArticleJson) => a.title)).toEqual(['Story 2', 'Story 1']);
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/articles?type=story`)).json().items.map((a: ArticleJson) => a.title)).toEqual(['Story 3', 'Story 1']);
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/articles?tag=pinned`)).json().items.map((a: ArticleJson) => a.title)).toEqual(['Story 1', 'Story 0']);
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/articles?type=poem`)).statusCode).toBe(400);
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/articles?cursor=zzz`)).statusCode).toBe(400);
    });
  });

  it('documents every articles API route in the OpenAPI document with the articles tag, a summary and responses', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    const ops: Array<[string, string]> = [
      ['/api/v1/communities/{slug}/articles', 'get'], ['/api/v1/communities/{slug}/articles', 'post'], ['/api/v1/articles/{id}', 'get'], ['/api/v1/articles/{id}', 'patch'],
      ['/api/v1/articles/{id}/revisions', 'get'], ['/api/v1/articles/{id}/revisions/{rev}/restore', 'post'], ['/api/v1/articles/{id}/owners/{username}', 'put'], ['/api/v1/articles/{id}/owners/{username}', 'delete'],
    ];
    for (const [path, method] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['articles']);
      expect(op.summary).toEqual(expect.any(String));
      expect(Object.keys(op.responses)).toContain('404');
    }
  });
});
