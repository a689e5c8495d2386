import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articleCounts, articlesWorld, writeArticleVia } from './articles.fixtures.ts';

describeEachDialect('article pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, who = w.as.member) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const form = { type: 'story', title: 'The night the oven failed', body: 'We *improvised*.', tags: 'ovens, lessons' };

  describe('GET /c/:slug/articles', () => {
    it('shows a friendly empty state and a link from the community home', async () => {
      const c = await makeCommunity(t.deps.db, w.member.id, { name: 'Empty Shelf', visibility: 'public', join_policy: 'open' });
      const res = await get(`/c/${c.slug}/articles`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No articles yet — write the first one');
      expect((await get(`/c/${c.slug}`)).body).toContain(`href="/c/${c.slug}/articles"`);
    });

    it('filters by type and tag', async () => {
      const c = await makeCommunity(t.deps.db, w.member.id, { name: 'Filter Shelf', visibility: 'public', join_policy: 'open' });
      await writeArticleVia(t, w.as.member, c.slug, { title: 'Only a story', type: 'story', tags: ['tales'] });
      await writeArticleVia(t, w.as.member, c.slug, { title: 'Only a reference', type: 'reference' });
      const stories = (await get(`/c/${c.slug}/articles?type=story`)).body;
      expect(stories).toContain('Only a story');
      expect(stories).not.toContain('Only a reference');
      const tagged = (await get(`/c/${c.slug}/articles?tag=tales`)).body;
      expect(tagged).toContain('Only a story');
      expect(tagged).not.toContain('Only a reference');
    });
  });

  describe('POST /c/:slug/articles/new', () => {
    it('saves a draft and redirects to it; the page shows badges, owners, tags and the rendered body', async () => {
      const res = await postForm(t, `/c/${w.pub.slug}/articles/new`, form, w.as.member);
      expect(res.statusCode).toBe(303);
      const page = await get(res.headers.location as string);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 id="article-title">The night the oven failed</h1>');
      expect(page.body).toContain('Story');
      expect(page.body).toContain('State: draft');
      expect(page.body).toContain('<em>improvised</em>');
      expect(page.body).toContain(w.member.display_name);
      expect(page.body).toContain('ovens');
    });

    const bad: Array<[string, Record<string, string>, string]> = [
      ['an empty title', { ...form, title: '' }, 'title'],
      ['a bad tag', { ...form, tags: 'Not Ok!' }, 'tags'],
      ['an unknown mention', { ...form, body: 'Thanks @nobody-at-all-q' }, 'body'],
      ['an unknown type', { ...form, type: 'poem' }, 'type'],
    ];
    for (const [what, fields, field] of bad) {
      it(`re-renders the form with 400 for ${what}, naming ${field}, and writes nothing`, async () => {
        const before = await articleCounts(t.deps.db);
        const res = await postForm(t, `/c/${w.pub.slug}/articles/new`, fields, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(`href="#f-${field}"`);
        expect(await articleCounts(t.deps.db)).toEqual(before);
      });
    }
  });

  describe('editing, history and restore', () => {
    it('keeps the old version, shows word diffs with hidden words, and restores an older version', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Proofing', body: 'Proof for one hour' });
      const edit = await postForm(t, `/c/${w.pub.slug}/a/${a.id}/edit`, { type: 'how-to', title: 'Proofing', body: 'Proof for two hours', tags: '', reason: 'Longer' }, w.as.member);
      expect(edit.statusCode).toBe(303);
      const hist = await get(`/c/${w.pub.slug}/a/${a.id}/revisions`);
      expect(hist.statusCode).toBe(200);
      expect(hist.body).toMatch(/<ins><span class="visually-hidden">\[added: <\/span>two hours/);
      expect(hist.body).toMatch(/<del><span class="visually-hidden">\[removed: <\/span>one hour/);
      expect(hist.body).toContain('Longer');
      expect(hist.body).toContain(`action="/c/${w.pub.slug}/a/${a.id}/revisions/1/restore"`);
      const restore = await postForm(t, `/c/${w.pub.slug}/a/${a.id}/revisions/1/restore`, {}, w.as.member);
      expect(restore.statusCode).toBe(303);
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`)).json()).toMatchObject({ body: 'Proof for one hour', revision: 3 });
      expect((await get(`/c/${w.pub.slug}/a/${a.id}`)).body).toContain('version 3');
    });

    it('re-renders the edit form with 400 for a blank title and writes nothing', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const before = await articleCounts(t.deps.db);
      const res = await postForm(t, `/c/${w.pub.slug}/a/${a.id}/edit`, { type: 'how-to', title: '  ', body: 'x', tags: '' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="f-title-error"');
      expect(await articleCounts(t.deps.db)).toEqual(before);
    });

    it('answers 404 for an article under another community’s address or a malformed id', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      expect((await get(`/c/${w.priv.slug}/a/${a.id}`)).statusCode).toBe(404);
      expect((await get(`/c/${w.pub.slug}/a/abc`)).statusCode).toBe(404);
      expect((await get(`/c/${w.pub.slug}/a/999999/revisions`)).statusCode).toBe(404);
    });
  });

  describe('owners on the article page', () => {
    it('lets an owner add a member and remove an owner by form; a non-member name is explained, nothing written', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const page = await get(`/c/${w.pub.slug}/a/${a.id}`);
      expect(page.body).toContain(`action="/c/${w.pub.slug}/a/${a.id}/owners"`);
      expect((await get(`/c/${w.pub.slug}/a/${a.id}`, w.as.other)).body).not.toContain('Add an owner');
      const before = await articleCounts(t.deps.db);
      expect((await postForm(t, `/c/${w.pub.slug}/a/${a.id}/owners`, { username: w.outsider.username }, w.as.member)).statusCode).toBe(303);
      expect(await articleCounts(t.deps.db)).toEqual(before);
      expect((await postForm(t, `/c/${w.pub.slug}/a/${a.id}/owners`, { username: `@${w.other.username}` }, w.as.member)).statusCode).toBe(303);
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`)).json().owners.map((o: { username: string }) => o.username)).toEqual([w.member.username, w.other.username]);
      expect((await postForm(t, `/c/${w.pub.slug}/a/${a.id}/owners/${w.member.username}/remove`, {}, w.as.other)).statusCode).toBe(303);
      expect((await api(t, 'GET', `/api/v1/articles/${a.id}`)).json().owners.map((o: { username: string }) => o.username)).toEqual([w.other.username]);
    });
  });

  it('renders hostile Markdown in an article (body, title, tags) without any active content', async () => {
    const a = await writeArticleVia(t, w.as.member, w.pub.slug, { title: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script> [x](javascript:alert(1)) <b onclick="x()">b</b>' });
    await api(t, 'PATCH', `/api/v1/articles/${a.id}`, { body: '<iframe src="//evil"></iframe> changed' }, w.as.member);
    for (const url of [`/c/${w.pub.slug}/a/${a.id}`, `/c/${w.pub.slug}/a/${a.id}/revisions`, `/c/${w.pub.slug}/articles`]) {
      expect(pageFindings((await get(url)).body), url).toEqual([]);
    }
  });
});
