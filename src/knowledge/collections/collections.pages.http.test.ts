import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings, parsePage } from '../../../test/helpers/html-safety.ts';
import { replyVia, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { addItemVia, collectionCounts, makeCollectionVia, type CollectionJson } from './collections.fixtures.ts';

/** Every id attribute on a page, to check none repeats (labels and aria need unique ids). */
function duplicateIds(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '');
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describeEachDialect('collections pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const page = (url: string, who?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const order = async (id: number) => ((await api(t, 'GET', `/api/v1/collections/${id}`)).json() as CollectionJson).items.map((i) => i.title);

  describe('list and form', () => {
    it('shows an empty state, then the collections; the form refuses a blank title (400, nothing written) and saves a valid one', async () => {
      const empty = await page(`/c/${w.priv.slug}/collections`, w.as.member);
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain('No collections yet');
      expect((await page(`/c/${w.priv.slug}/collections/new`, w.as.member)).body).toContain('name="title"');
      const before = await collectionCounts(t.deps.db);
      const bad = await postForm(t, `/c/${w.priv.slug}/collections/new`, { title: '  ', description: 'x' }, w.as.member);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('There is a problem');
      expect(bad.body).toContain('href="#f-title"');
      expect(await collectionCounts(t.deps.db)).toEqual(before);
      const ok = await postForm(t, `/c/${w.priv.slug}/collections/new`, { title: 'Firing playbook', description: 'Step by *step*.' }, w.as.member);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toMatch(new RegExp(`^/c/${w.priv.slug}/collections/\\d+$`));
      const shown = await page(String(ok.headers.location), w.as.other);
      expect(shown.body).toContain('<h1 id="collection-title">Firing playbook</h1>');
      expect(shown.body).toContain('<em>step</em>');
      expect((await page(`/c/${w.priv.slug}/collections`, w.as.other)).body).toContain('Firing playbook');
    });

    it('renders hostile descriptions and titles without active content', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug, { title: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script> [x](javascript:alert(1))' });
      const res = await page(`/c/${w.pub.slug}/collections/${c.id}`, w.as.member);
      expect(pageFindings(parsePage(res.body))).toEqual([]);
      expect(res.body).not.toContain('<script>alert');
    });
  });

  describe('items without JavaScript', () => {
    it('moves items up and down and removes them with form buttons', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      for (const title of ['One', 'Two', 'Three']) await addItemVia(t, w.as.member, c.id, 'article', (await writeArticleVia(t, w.as.other, w.pub.slug, { title })).id);
      const full = (await api(t, 'GET', `/api/v1/collections/${c.id}`)).json() as CollectionJson;
      const [one, two, three] = full.items.map((i) => i.id);
      const shown = await page(`/c/${w.pub.slug}/collections/${c.id}`, w.as.member);
      expect(shown.body).toContain(`action="/c/${w.pub.slug}/collections/${c.id}/items/${one}/move"`);
      expect(duplicateIds(shown.body)).toEqual([]);
      const base = `/c/${w.pub.slug}/collections/${c.id}/items`;
      expect((await postForm(t, `${base}/${one}/move`, { direction: 'down' }, w.as.member)).statusCode).toBe(303);
      expect(await order(c.id)).toEqual(['Two', 'One', 'Three']);
      await postForm(t, `${base}/${three}/move`, { direction: 'up' }, w.as.member);
      expect(await order(c.id)).toEqual(['Two', 'Three', 'One']);
      const quiet = await collectionCounts(t.deps.db);
      expect((await postForm(t, `${base}/${two}/move`, { direction: 'up' }, w.as.member)).statusCode).toBe(303); // already first: nothing changes
      expect(await order(c.id)).toEqual(['Two', 'Three', 'One']);
      expect(await collectionCounts(t.deps.db)).toEqual(quiet);
      const before = await collectionCounts(t.deps.db);
      expect((await postForm(t, `${base}/${two}/move`, { direction: 'sideways' }, w.as.member)).statusCode).toBe(400);
      expect(await collectionCounts(t.deps.db)).toEqual(before);
      expect((await postForm(t, `${base}/${three}/remove`, {}, w.as.member)).statusCode).toBe(303);
      expect(await order(c.id)).toEqual(['Two', 'One']);
      // Someone who may not edit sees no buttons.
      expect((await page(`/c/${w.pub.slug}/collections/${c.id}`, w.as.other)).body).not.toContain('/move"');
    });
  });

  describe('from article and topic pages', () => {
    it('adds an article to one of the viewer’s collections and shows “In collections” and the back-links', async () => {
      const mine = await makeCollectionVia(t, w.as.other, w.pub.slug, { title: 'Other’s list' });
      const notMine = await makeCollectionVia(t, w.as.member, w.pub.slug, { title: 'Member’s list' });
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Wedging clay' });
      const url = `/c/${w.pub.slug}/a/${a.id}`;
      const before = await page(url, w.as.other);
      expect(before.body).toContain('Add to collection');
      expect(before.body).toContain(`<option value="${mine.id}">`);
      expect(before.body).not.toContain(`<option value="${notMine.id}">`);
      expect(duplicateIds(before.body)).toEqual([]);
      // Not one of theirs: refused, nothing written.
      const counts = await collectionCounts(t.deps.db);
      expect((await postForm(t, `/c/${w.pub.slug}/collections/add`, { collection: String(notMine.id), type: 'article', targetId: String(a.id) }, w.as.other)).statusCode).toBe(403);
      expect((await postForm(t, `/c/${w.pub.slug}/collections/add`, { type: 'article', targetId: String(a.id) }, w.as.other)).statusCode).toBe(400);
      expect(await collectionCounts(t.deps.db)).toEqual(counts);
      const res = await postForm(t, `/c/${w.pub.slug}/collections/add`, { collection: String(mine.id), type: 'article', targetId: String(a.id), note: 'Start here' }, w.as.other);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(url);
      const after = await page(url);
      expect(after.body).toContain('In collections:');
      expect(after.body).toContain(`href="/c/${w.pub.slug}/collections/${mine.id}"`);
      expect(after.body).not.toContain('Add to collection'); // anonymous visitors get no form

      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Wedging question', kind: 'question', body: `Read [the article](${url}) first.` });
      await replyVia(t, w.as.other, topic.id, 'An answer.');
      const linked = await page(url);
      expect(linked.body).toContain('Linked from');
      expect(linked.body).toContain(`/c/${w.pub.slug}/t/${topic.id}#post-${topic.openingPostId}`);
      const tres = await postForm(t, `/c/${w.pub.slug}/collections/add`, { collection: String(mine.id), type: 'topic', targetId: String(topic.id) }, w.as.other);
      expect(tres.headers.location).toBe(`/c/${w.pub.slug}/t/${topic.id}`);
      const tpage = await page(`/c/${w.pub.slug}/t/${topic.id}`, w.as.steward);
      expect(tpage.body).toContain('In collections:');
      expect(tpage.body).toContain('applied this answer');
      expect(duplicateIds(tpage.body)).toEqual([]);
    });
  });
});
