import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import type { Db } from '../core/db/index.ts';
import type { Actor } from '../core/permissions/index.ts';
import { editPost } from '../discussions/post-edits.service.ts';
import { replyToTopic, startTopic } from '../discussions/posting.service.ts';
import { FLUSH_BATCH, flushAllSearchDocs, flushSearchIndex, waitingSearchDocs } from './search.flush.ts';
import { rebuildSearchIndex, searchDocuments } from './search.index.ts';

/** Row ids FTS5 itself matches for a word (no join to search_docs: what the index holds). */
async function ftsHas(db: Db, word: string): Promise<number[]> {
  const r = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${`"${word}"`} order by rowid`.execute(db);
  return r.rows.map((x) => x.id);
}

/** FTS5's own check that its index matches the content table row for row (throws when it does not). */
async function indexMatchesContent(db: Db): Promise<void> {
  await sql`insert into search_fts(search_fts, rank) values ('integrity-check', 1)`.execute(db);
}

describe('FTS5 takes new documents in batches (SQLite)', () => {
  let t: TestApp;
  let me: Actor;
  let slug: string;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const u = await makeUser(t.deps.db, { role: 'admin' });
    me = { id: u.id, username: u.username, displayName: u.display_name, role: u.role };
    slug = (await makeCommunity(t.deps.db, u.id)).slug;
    await flushAllSearchDocs(t.deps.db);
  });
  afterAll(() => t.close());

  it('keeps a new reply out of FTS5 until a flush, yet a search finds it at once', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Kiln schedules', body: 'Cone six or cone ten?' });
    const replyId = (await replyToTopic(t.deps, me, topicId, 'Bisque firing goes slower.')).post.id;
    expect(await waitingSearchDocs(t.deps.db)).toBe(2);
    expect(await ftsHas(t.deps.db, 'bisque')).toEqual([]);
    const hits = await searchDocuments(t.deps.db, me, { q: 'bisque', sort: 'relevance', offset: 0, limit: 10 });
    expect(hits.hits.map((h) => `${h.kind}:${h.id}`)).toEqual([`post:${replyId}`]);
    expect(await waitingSearchDocs(t.deps.db)).toBe(0);
    expect(await ftsHas(t.deps.db, 'bisque')).toHaveLength(1);
    await indexMatchesContent(t.deps.db);
  });

  it('indexes the text a waiting document has when flushed, and nothing of one deleted before', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Glaze recipes', body: 'Celadon over porcelain.' });
    const replyId = (await replyToTopic(t.deps, me, topicId, 'Tenmoku needs iron.')).post.id;
    await editPost(t.deps, me, replyId, { body: 'Shino needs soda.' });
    await t.deps.db.deleteFrom('search_docs').where('kind', '=', 'topic').where('ref_id', '=', topicId).execute();
    expect(await ftsHas(t.deps.db, 'celadon')).toEqual([]);
    await flushAllSearchDocs(t.deps.db);
    expect(await ftsHas(t.deps.db, 'tenmoku')).toEqual([]);
    expect(await ftsHas(t.deps.db, 'shino')).toHaveLength(1);
    expect(await ftsHas(t.deps.db, 'celadon')).toEqual([]);
    await indexMatchesContent(t.deps.db);
  });

  it('changes FTS5 at once for documents already indexed: edits and deletes', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Throwing lessons', body: 'Centering clay.' });
    const replyId = (await replyToTopic(t.deps, me, topicId, 'Wedging first.')).post.id;
    await flushAllSearchDocs(t.deps.db);
    await editPost(t.deps, me, replyId, { body: 'Trimming after.' });
    // The edit re-indexed the post as a new document (a new id, above the mark): the old text left FTS5 in the same transaction.
    expect(await ftsHas(t.deps.db, 'wedging')).toEqual([]);
    await t.deps.db.updateTable('search_docs').set({ body: 'Pulling walls.' }).where('kind', '=', 'topic').where('ref_id', '=', topicId).execute();
    expect(await ftsHas(t.deps.db, 'centering')).toEqual([]);
    expect(await ftsHas(t.deps.db, 'pulling')).toHaveLength(1);
    await flushAllSearchDocs(t.deps.db);
    await indexMatchesContent(t.deps.db);
  });

  it('adds at most a batch per flush, in id order, and catches up over several', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Many replies', body: 'Counting.' });
    await flushAllSearchDocs(t.deps.db);
    const values = Array.from({ length: FLUSH_BATCH + 20 }, (_, i) => ({ topic_id: topicId, author_id: me.id, kind: 'reply' as const, body: `Sgraffito number ${i}`, body_html: '', created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), updated_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
    await t.deps.db.insertInto('posts').values(values).execute();
    await rebuildSearchIndex(t.deps.db, { kinds: ['post'] });
    // A bulk rebuild adds its documents to FTS5 itself, in one statement.
    expect(await waitingSearchDocs(t.deps.db)).toBe(0);
    await t.deps.db.deleteFrom('search_docs').where('kind', '=', 'post').execute();
    await sql`insert into search_docs (kind, ref_id, community_id, topic_id, author_id, label, title, tags, extra, body, state, solved, created_at)
      select 'post', p.id, t.community_id, t.id, p.author_id, t.title, '', '', '', p.body, null, 0, p.created_at from posts p join topics t on t.id = p.topic_id where p.body like 'Sgraffito%' order by p.id`.execute(t.deps.db);
    expect(await waitingSearchDocs(t.deps.db)).toBe(FLUSH_BATCH + 20);
    expect(await flushSearchIndex(t.deps.db)).toBe(FLUSH_BATCH);
    expect(await waitingSearchDocs(t.deps.db)).toBe(20);
    expect(await flushSearchIndex(t.deps.db)).toBe(20);
    expect(await ftsHas(t.deps.db, 'sgraffito')).toHaveLength(FLUSH_BATCH + 20);
    await indexMatchesContent(t.deps.db);
  });
});

describe('the running app adds waiting documents by itself (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('a reply through the API reaches FTS5 without a search asking for it', async () => {
    const owner = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, owner.id);
    const m = await makeUser(t.deps.db);
    await addMember(t.deps.db, c.id, m.id);
    const s = await signInAs(t, m.id);
    const topic = await api(t, 'POST', `/api/v1/communities/${c.slug}/topics`, { kind: 'discussion', title: 'Raku firing', body: 'Smoke and crackle.' }, s);
    expect(topic.statusCode).toBe(201);
    const deadline = Date.now() + 10_000;
    while ((await ftsHas(t.deps.db, 'crackle')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await ftsHas(t.deps.db, 'crackle')).toHaveLength(1);
    expect(await waitingSearchDocs(t.deps.db)).toBe(0);
  });
});

describe('PostgreSQL has nothing to flush', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('postgres');
  });
  afterAll(() => t.close());

  it('reports nothing waiting and flushes nothing', async () => {
    const u = await makeUser(t.deps.db);
    const c = await makeCommunity(t.deps.db, u.id);
    await startTopic(t.deps, { id: u.id, username: u.username, displayName: u.display_name, role: u.role }, c.slug, { kind: 'discussion', title: 'Pit firing', body: 'Sawdust.' });
    expect(await waitingSearchDocs(t.deps.db)).toBe(0);
    expect(await flushSearchIndex(t.deps.db)).toBe(0);
  });
});
