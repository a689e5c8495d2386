import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import type { Actor } from '../core/permissions/index.ts';
import { acceptAnswer, unacceptAnswer } from '../discussions/answers/accept.service.ts';
import { mergeTopic, moveTopic } from '../discussions/moderation/move-merge.service.ts';
import { deletePost, editPost } from '../discussions/post-edits.service.ts';
import { replyToTopic, startTopic } from '../discussions/posting.service.ts';
import { createArticle, editArticle } from '../knowledge/articles/articles.service.ts';
import { createTerm, deleteTerm, updateTerm } from '../knowledge/glossary/glossary.service.ts';
import { deleteArticle, transitionArticle } from '../knowledge/lifecycle/lifecycle.service.ts';
import { rankDocuments, rebuildSearchIndex, searchDocuments, type SearchKind, type SearchQuery } from './search.index.ts';
import { CANDIDATES, MAX_OFFSET } from './search.rank.ts';

const actorOf = (u: { id: number; username: string; display_name: string; role: 'admin' | 'member' }): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role });

describeEachDialect('search index kept current by every write', (dialect) => {
  let t: TestApp;
  let me: Actor;
  let slug: string;
  let otherSlug: string;
  let communityId: number;
  const find = async (q: string, more: Partial<SearchQuery> = {}) =>
    (await searchDocuments(t.deps.db, me, { q, sort: 'relevance', offset: 0, limit: 50, ...more })).hits.map((h) => `${h.kind}:${h.id}`).sort();
  const one = (kind: SearchKind, id: number) => [`${kind}:${id}`];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const u = await makeUser(t.deps.db, { role: 'admin' });
    me = actorOf(u);
    const c = await makeCommunity(t.deps.db, u.id);
    const o = await makeCommunity(t.deps.db, u.id);
    slug = c.slug;
    otherSlug = o.slug;
    communityId = c.id;
  });
  afterAll(() => t.close());

  it('indexes a new topic and reply, re-indexes edits, and drops deleted posts and topics', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Quenching bronze', body: 'Does quenching soften bronze?', tags: ['metal'] });
    const replyId = (await replyToTopic(t.deps, me, topicId, 'Annealing with a torch works too.')).post.id;
    expect(await find('quenching')).toEqual(one('topic', topicId));
    expect(await find('annealing')).toEqual(one('post', replyId));
    await editPost(t.deps, me, replyId, { body: 'Tempering in the oven instead.' });
    expect(await find('annealing')).toEqual([]);
    expect(await find('tempering')).toEqual(one('post', replyId));
    const opening = await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topicId).where('kind', '=', 'opening').executeTakeFirstOrThrow();
    await editPost(t.deps, me, opening.id, { title: 'Hardening bronze', tags: ['alloys'] });
    expect(await find('hardening')).toEqual(one('topic', topicId));
    expect(await find('quenching', { tag: 'alloys' })).toEqual(one('topic', topicId));
    expect(await find('quenching', { tag: 'metal' })).toEqual([]);
    await deletePost(t.deps, me, replyId, 'spam');
    expect(await find('tempering')).toEqual([]);
    await deletePost(t.deps, me, opening.id, 'gone');
    expect(await find('hardening')).toEqual([]);
  });

  it('follows a moved topic to its new community and a merged one into its target', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Walnut finishing oils', body: 'Which oil for walnut?' });
    const reply = (await replyToTopic(t.deps, me, topicId, 'Tung oil, thinned.')).post.id;
    const other = await t.deps.db.selectFrom('communities').select('id').where('slug', '=', otherSlug).executeTakeFirstOrThrow();
    await moveTopic(t.deps, me, topicId, { community: otherSlug });
    expect(await find('walnut', { communityId })).toEqual([]);
    expect(await find('walnut tung', { communityId: other.id })).toEqual([]);
    expect(await find('tung', { communityId: other.id })).toEqual(one('post', reply));
    const { topicId: target } = await startTopic(t.deps, me, otherSlug, { kind: 'discussion', title: 'Oils for hardwoods', body: 'Danish oil?' });
    await mergeTopic(t.deps, me, topicId, { targetId: target });
    const hits = await searchDocuments(t.deps.db, me, { q: 'walnut', sort: 'relevance', offset: 0, limit: 10 });
    expect(hits.hits.map((h) => [h.kind, h.topicId])).toEqual([['post', target]]);
  });

  it('keeps the solved state current as answers are accepted and unaccepted', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'question', title: 'Glaze crazing', body: 'Why does my glaze craze?' });
    const answer = (await replyToTopic(t.deps, me, topicId, 'Thermal expansion mismatch with the clay body.')).post.id;
    expect(await find('glaze', { solved: true })).toEqual([]);
    await acceptAnswer(t.deps, me, topicId, answer);
    expect(await find('glaze OR expansion', { solved: true })).toEqual([...one('post', answer), ...one('topic', topicId)].sort());
    await unacceptAnswer(t.deps, me, topicId);
    expect(await find('glaze', { solved: true })).toEqual([]);
    expect(await find('glaze', { solved: false })).toEqual(one('topic', topicId));
  });

  it('indexes articles through edits and lifecycle states, and drops deleted ones', async () => {
    const id = await createArticle(t.deps, me, slug, { type: 'how-to', title: 'Sharpening chisels', body: 'Flatten the back first.', tags: ['tools'], wiki: false });
    expect(await find('chisels', { state: 'draft' })).toEqual(one('article', id));
    await editArticle(t.deps, me, id, { body: 'Hone the bevel on a waterstone.' });
    expect(await find('waterstone')).toEqual(one('article', id));
    expect(await find('flatten')).toEqual([]);
    await transitionArticle(t.deps, me, id, { to: 'proposed' });
    expect(await find('chisels', { state: 'draft' })).toEqual([]);
    expect(await find('chisels', { state: 'proposed', kinds: ['article'] })).toEqual(one('article', id));
    const gone = await createArticle(t.deps, me, slug, { type: 'reference', title: 'Throwaway note', body: 'Ephemeral.', tags: [], wiki: false });
    await deleteArticle(t.deps, me, gone);
    expect(await find('ephemeral')).toEqual([]);
  });

  it('indexes glossary terms by term, synonym and definition, and drops deleted ones', async () => {
    const id = await createTerm(t.deps, me, slug, { term: 'Kerf', definition: 'The width of a saw cut.', synonyms: ['sawcut'] });
    expect(await find('sawcut')).toEqual(one('term', id));
    await updateTerm(t.deps, me, id, { definition: 'Material removed by a blade.' });
    expect(await find('blade')).toEqual(one('term', id));
    await deleteTerm(t.deps, me, id);
    expect(await find('kerf')).toEqual([]);
  });

  it('indexes members on sign-up and profile changes, and communities on create and edit', async () => {
    const u = await makeUser(t.deps.db);
    const b = await signInAs(t, u.id);
    expect((await api(t, 'PATCH', '/api/v1/me', { discipline: 'Luthiery', location: 'Cremona' }, b)).statusCode).toBe(200);
    expect(await find('luthiery cremona')).toEqual(one('member', u.id));
    const res = await api(t, 'POST', '/api/v1/communities', { name: 'Bell Founders', slug: 'bell-founders', domainStatement: 'Casting bells.', description: 'Loam moulds.', tags: ['casting'], formality: 'informal', sponsor: '', locality: 'distributed', location: '', visibility: 'public', joinPolicy: 'open' }, b);
    expect(res.statusCode).toBe(201);
    const c = await t.deps.db.selectFrom('communities').select('id').where('slug', '=', 'bell-founders').executeTakeFirstOrThrow();
    expect(await find('loam')).toEqual(one('community', c.id));
    expect((await api(t, 'PATCH', '/api/v1/communities/bell-founders', { description: 'Sand moulds now.' }, b)).statusCode).toBe(200);
    expect(await find('loam')).toEqual([]);
    expect(await find('sand', { tag: 'casting' })).toEqual(one('community', c.id));
  });

  it('rebuilds a community or everything with set-based statements, and ranks with the primitive', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'question', title: 'Dovetail spacing', body: 'How wide should dovetail pins be?' });
    await t.deps.db.deleteFrom('search_docs').where('community_id', '=', communityId).execute();
    expect(await find('dovetail')).toEqual([]);
    await rebuildSearchIndex(t.deps.db, { communityId });
    expect(await find('dovetail')).toEqual(one('topic', topicId));
    await rebuildSearchIndex(t.deps.db);
    expect(await find('dovetail')).toEqual(one('topic', topicId));
    const ranked = await rankDocuments(t.deps.db, { text: 'What spacing for dovetail pins in oak?', communityIds: [communityId], kinds: ['topic', 'post'], limit: 5 });
    expect(ranked[0]).toMatchObject({ kind: 'topic', id: topicId });
    expect(await rankDocuments(t.deps.db, { text: 'dovetail', communityIds: [communityId], kinds: ['topic'], limit: 5, exclude: [{ kind: 'topic', id: topicId }] })).toEqual([]);
    expect(await rankDocuments(t.deps.db, { text: 'dovetail', communityIds: [], kinds: ['topic'], limit: 5 })).toEqual([]);
  });

  it('stays right when writes re-index the same topic at once', async () => {
    const { topicId } = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Froe technique', body: 'Riving oak with a froe.' });
    const posts: number[] = [];
    for (let i = 0; i < 6; i++) posts.push((await replyToTopic(t.deps, me, topicId, `Riving tip ${i}`)).post.id);
    await Promise.all([
      ...posts.slice(0, 4).map((id) => deletePost(t.deps, me, id, 'tidy')),
      ...posts.slice(4).map((id, i) => editPost(t.deps, me, id, { body: `Cleaving tip ${i}` })),
      replyToTopic(t.deps, me, topicId, 'Riving tip late'),
    ]);
    expect((await find('riving')).length).toBe(2);
    expect((await find('cleaving')).sort()).toEqual(posts.slice(4).map((id) => `post:${id}`).sort());
  });

  it('ranks only the newest CANDIDATES matches of a common query, unless the primitive is given a larger pool', async () => {
    const c = await makeCommunity(t.deps.db, me.id);
    const now = Date.now();
    const rows = Array.from({ length: CANDIDATES + 5 }, (_, i) => ({
      community_id: c.id, author_id: me.id, kind: 'discussion' as const, title: i === 0 ? 'Gimlet gimlet gimlet' : `Note ${i} on a gimlet`,
      reply_count: 0, last_posted_at: new Date(now - (CANDIDATES + 5 - i) * 1000).toISOString(),
      created_at: new Date(now - (CANDIDATES + 5 - i) * 60_000).toISOString(), updated_at: new Date(now).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 200) {
      const ids = await t.deps.db.insertInto('topics').values(rows.slice(i, i + 200)).returning('id').execute();
      await t.deps.db.insertInto('posts').values(ids.map((r) => ({ topic_id: r.id, author_id: me.id, kind: 'opening' as const, body: 'Boring holes.', created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString() }))).execute();
    }
    await rebuildSearchIndex(t.deps.db, { communityId: c.id });
    const oldest = (await t.deps.db.selectFrom('topics').select('id').where('title', '=', 'Gimlet gimlet gimlet').executeTakeFirstOrThrow()).id;
    const page = await searchDocuments(t.deps.db, me, { q: 'gimlet', communityId: c.id, sort: 'relevance', offset: 0, limit: 5 });
    expect(page.hits.map((h) => h.id)).not.toContain(oldest);
    expect(page.counts.topic).toBe(MAX_OFFSET + 1);
    const narrow = await rankDocuments(t.deps.db, { text: 'gimlet', communityIds: [c.id], kinds: ['topic'], limit: 1 });
    expect(narrow[0]?.id).not.toBe(oldest);
    const wide = await rankDocuments(t.deps.db, { text: 'gimlet', communityIds: [c.id], kinds: ['topic'], limit: 1, candidateLimit: CANDIDATES + 10 });
    expect(wide[0]?.id).toBe(oldest);
  });

  it('sorts by date, filters by author and day, and pages', async () => {
    const other = await makeUser(t.deps.db);
    await addMember(t.deps.db, communityId, other.id);
    const older = await startTopic(t.deps, actorOf(other), slug, { kind: 'discussion', title: 'Mortise gauge one', body: 'Setting a mortise gauge.' });
    await t.deps.db.updateTable('topics').set({ created_at: '2020-01-02T00:00:00.000Z' }).where('id', '=', older.topicId).execute();
    await rebuildSearchIndex(t.deps.db, { communityId });
    const newer = await startTopic(t.deps, me, slug, { kind: 'discussion', title: 'Mortise gauge two', body: 'Mortise mortise mortise gauge.' });
    expect((await searchDocuments(t.deps.db, me, { q: 'mortise', sort: 'date', offset: 0, limit: 5 })).hits.map((h) => h.id)).toEqual([newer.topicId, older.topicId]);
    expect(await find('mortise', { authorId: other.id })).toEqual(one('topic', older.topicId));
    expect(await find('mortise', { from: '2020-01-01T00:00:00.000Z', to: '2020-01-03T00:00:00.000Z' })).toEqual(one('topic', older.topicId));
    const p1 = await searchDocuments(t.deps.db, me, { q: 'mortise', sort: 'relevance', offset: 0, limit: 1 });
    const p2 = await searchDocuments(t.deps.db, me, { q: 'mortise', sort: 'relevance', offset: 1, limit: 1 });
    expect(p1.more).toBe(true);
    expect(p2.more).toBe(false);
    expect(new Set([...p1.hits, ...p2.hits].map((h) => h.id))).toEqual(new Set([newer.topicId, older.topicId]));
    expect(p1.counts.topic).toBe(2);
  });
});
