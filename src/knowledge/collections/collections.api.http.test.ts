import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { addItemVia, collectionCounts, makeCollectionVia, type CollectionJson } from './collections.fixtures.ts';

describeEachDialect('collections API', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const titles = (c: CollectionJson) => c.items.map((i) => i.title);

  describe('POST /api/v1/communities/:slug/collections', () => {
    it('makes a collection owned by the member, with rendered description and a collection.created row', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug, { title: 'Kiln playbook', description: 'Read in *order*.' });
      expect(c).toMatchObject({ title: 'Kiln playbook', description: 'Read in *order*.', descriptionHtml: '<p>Read in <em>order</em>.</p>\n', owner: { username: w.member.username }, items: [] });
      const act = await db().selectFrom('activity').select(['verb', 'community_id']).where('subject_type', '=', 'collection').where('subject_id', '=', c.id).execute();
      expect(act).toEqual([{ verb: 'collection.created', community_id: w.pub.id }]);
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['a missing title', { description: 'x' }, 'title'],
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a too long title', { title: 'x'.repeat(1000) }, 'title'],
      ['a too long description', { title: 'ok', description: 'x'.repeat(5001) }, 'description'],
      ['an unknown @mention in the description', { title: 'ok', description: 'Ask @nobody-here-xyz' }, 'description'],
    ];
    for (const [what, body, field] of bad) {
      it(`refuses ${what} with 400 naming ${field} and writes nothing`, async () => {
        const before = await collectionCounts(db());
        const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/collections`, body, w.as.member);
        expect(res.statusCode).toBe(400);
        expect((res.json() as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field)).toContain(field);
        expect(await collectionCounts(db())).toEqual(before);
      });
    }
  });

  describe('items', () => {
    it('keeps items in the order they were added, with notes, and reorders them with PUT', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const a1 = await writeArticleVia(t, w.as.other, w.pub.slug, { title: 'First article' });
      const a2 = await writeArticleVia(t, w.as.other, w.pub.slug, { title: 'Second article' });
      const topic = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'A thread to read' });
      await addItemVia(t, w.as.member, c.id, 'article', a1.id, 'Read first');
      await addItemVia(t, w.as.member, c.id, 'topic', topic.id);
      const full = await addItemVia(t, w.as.member, c.id, 'article', a2.id);
      expect(titles(full)).toEqual(['First article', 'A thread to read', 'Second article']);
      expect(full.items[0]).toMatchObject({ type: 'article', note: 'Read first', url: `/c/${w.pub.slug}/a/${a1.id}` });
      expect(full.items[1]).toMatchObject({ type: 'topic', url: `/c/${w.pub.slug}/t/${topic.id}` });

      const ids = full.items.map((i) => i.id);
      const res = await api(t, 'PUT', `/api/v1/collections/${c.id}/items`, { items: [ids[2], ids[0], ids[1]] }, w.as.member);
      expect(res.statusCode).toBe(200);
      expect(titles(res.json() as CollectionJson)).toEqual(['Second article', 'First article', 'A thread to read']);
      const again = (await api(t, 'GET', `/api/v1/collections/${c.id}`)).json() as CollectionJson;
      expect(titles(again)).toEqual(['Second article', 'First article', 'A thread to read']);
      expect(await db().selectFrom('activity').select('verb').where('verb', '=', 'collection.reordered').where('subject_id', '=', c.id).execute()).toHaveLength(1);
    });

    it('refuses a reorder that does not list every item exactly once, changing nothing', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const a1 = await writeArticleVia(t, w.as.other, w.pub.slug);
      const a2 = await writeArticleVia(t, w.as.other, w.pub.slug);
      const full = (await addItemVia(t, w.as.member, c.id, 'article', a1.id), await addItemVia(t, w.as.member, c.id, 'article', a2.id));
      const [x, y] = full.items.map((i) => i.id) as [number, number];
      for (const items of [[x], [x, x], [x, y, 999999], [y, 999999]]) {
        const before = await collectionCounts(db());
        const res = await api(t, 'PUT', `/api/v1/collections/${c.id}/items`, { items }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ error: { details: [{ field: 'items' }] } });
        expect(await collectionCounts(db())).toEqual(before);
      }
      expect(((await api(t, 'GET', `/api/v1/collections/${c.id}`)).json() as CollectionJson).items.map((i) => i.id)).toEqual([x, y]);
    });

    it('refuses articles and topics of another community with 400 naming targetId, and nothing is written', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const foreignArticle = await writeArticleVia(t, w.as.member, w.priv.slug, { title: 'Back room secret' });
      const foreignTopic = await startTopicVia(t, w.as.member, w.priv.slug, { title: 'Back room thread' });
      for (const [type, targetId] of [['article', foreignArticle.id], ['topic', foreignTopic.id], ['article', 999999], ['topic', 999999]] as const) {
        const before = await collectionCounts(db());
        const res = await api(t, 'POST', `/api/v1/collections/${c.id}/items`, { type, targetId }, w.as.member);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'targetId' }] } });
        expect(res.body).not.toContain('Back room');
        expect(await collectionCounts(db())).toEqual(before);
      }
    });

    it('refuses a duplicate (409), a bad type or a too long note (400), writing nothing', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const a = await writeArticleVia(t, w.as.other, w.pub.slug);
      await addItemVia(t, w.as.member, c.id, 'article', a.id);
      const cases: Array<[unknown, number, string]> = [
        [{ type: 'article', targetId: a.id }, 409, 'targetId'],
        [{ type: 'post', targetId: a.id }, 400, 'type'],
        [{ type: 'article', targetId: 'x' }, 400, 'targetId'],
        [{ type: 'article', targetId: a.id + 1000, note: 'x'.repeat(301) }, 400, 'note'],
      ];
      for (const [body, status, field] of cases) {
        const before = await collectionCounts(db());
        const res = await api(t, 'POST', `/api/v1/collections/${c.id}/items`, body, w.as.member);
        expect(res.statusCode, JSON.stringify(body)).toBe(status);
        expect((res.json() as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field)).toContain(field);
        expect(await collectionCounts(db())).toEqual(before);
      }
    });

    it('drops a deleted topic out of the collection, and removes items by id', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const topic = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'Soon gone' });
      const a = await writeArticleVia(t, w.as.other, w.pub.slug, { title: 'Stays' });
      await addItemVia(t, w.as.member, c.id, 'topic', topic.id);
      const full = await addItemVia(t, w.as.member, c.id, 'article', a.id);
      expect((await api(t, 'DELETE', `/api/v1/posts/${topic.openingPostId}`, { reason: 'gone' }, w.as.other)).statusCode).toBeLessThan(300);
      const after = (await api(t, 'GET', `/api/v1/collections/${c.id}`)).json() as CollectionJson;
      expect(titles(after)).toEqual(['Stays']);
      // Reordering lists only the visible items.
      expect((await api(t, 'PUT', `/api/v1/collections/${c.id}/items`, { items: [after.items[0]?.id] }, w.as.member)).statusCode).toBe(200);
      const del = await api(t, 'DELETE', `/api/v1/collections/${c.id}/items/${full.items[1]?.id}`, {}, w.as.member);
      expect(del.statusCode).toBe(200);
      expect((del.json() as CollectionJson).items).toEqual([]);
      expect((await api(t, 'DELETE', `/api/v1/collections/${c.id}/items/${full.items[1]?.id}`, {}, w.as.member)).statusCode).toBe(404);
    });
  });

  it('documents every collections and links API route in the OpenAPI document under its tag, with a summary', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const ops: Array<[string, string, string]> = [
      ['/api/v1/communities/{slug}/collections', 'get', 'collections'], ['/api/v1/communities/{slug}/collections', 'post', 'collections'],
      ['/api/v1/collections/{id}', 'get', 'collections'], ['/api/v1/collections/{id}', 'patch', 'collections'], ['/api/v1/collections/{id}', 'delete', 'collections'],
      ['/api/v1/collections/{id}/items', 'post', 'collections'], ['/api/v1/collections/{id}/items', 'put', 'collections'], ['/api/v1/collections/{id}/items/{itemId}', 'delete', 'collections'],
      ['/api/v1/articles/{id}/backlinks', 'get', 'links'], ['/api/v1/topics/{id}/backlinks', 'get', 'links'],
      ['/api/v1/articles/{id}/applied', 'get', 'links'], ['/api/v1/articles/{id}/applied', 'post', 'links'], ['/api/v1/articles/{id}/applied', 'delete', 'links'],
      ['/api/v1/posts/{id}/applied', 'get', 'links'], ['/api/v1/posts/{id}/applied', 'post', 'links'], ['/api/v1/posts/{id}/applied', 'delete', 'links'],
    ];
    for (const [path, method, tag] of ops) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual([tag]);
      expect(op?.summary).toEqual(expect.any(String));
    }
  });

  describe('PATCH and DELETE /api/v1/collections/:id', () => {
    it('lets the owner rename, refuses a blank title with nothing written, and deletes with its items', async () => {
      const c = await makeCollectionVia(t, w.as.member, w.pub.slug);
      const a = await writeArticleVia(t, w.as.other, w.pub.slug);
      await addItemVia(t, w.as.member, c.id, 'article', a.id);
      const res = await api(t, 'PATCH', `/api/v1/collections/${c.id}`, { title: 'Renamed', description: '' }, w.as.member);
      expect(res.json()).toMatchObject({ title: 'Renamed', description: '', descriptionHtml: '' });
      const before = await collectionCounts(db());
      expect((await api(t, 'PATCH', `/api/v1/collections/${c.id}`, { title: '  ' }, w.as.member)).statusCode).toBe(400);
      expect(await collectionCounts(db())).toEqual(before);
      expect((await api(t, 'DELETE', `/api/v1/collections/${c.id}`, {}, w.as.moderator)).statusCode).toBe(204);
      expect(await db().selectFrom('collection_items').select('id').where('collection_id', '=', c.id).execute()).toEqual([]);
      expect((await api(t, 'GET', `/api/v1/collections/${c.id}`)).statusCode).toBe(404);
    });

    it('lists a community’s collections, newest change first, with cursor paging', async () => {
      const slug = w.priv.slug;
      for (const n of [1, 2, 3]) await makeCollectionVia(t, w.as.member, slug, { title: `List ${n}` });
      const first = (await api(t, 'GET', `/api/v1/communities/${slug}/collections?limit=2`, undefined, w.as.other)).json() as { items: CollectionJson[]; nextCursor: string };
      expect(first.items.map((c) => c.title)).toEqual(['List 3', 'List 2']);
      const second = (await api(t, 'GET', `/api/v1/communities/${slug}/collections?limit=2&cursor=${first.nextCursor}`, undefined, w.as.other)).json() as { items: CollectionJson[]; nextCursor: string | null };
      expect(second.items.map((c) => c.title)).toEqual(['List 1']);
      expect(second.nextCursor).toBeNull();
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/collections`, undefined, w.as.outsider)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/communities/${slug}/collections?cursor=nope`, undefined, w.as.other)).statusCode).toBe(400);
    });
  });
});
