import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { SearchKind } from '../core/db/tables/search.ts';
import { isPostgres } from './search.dialect.ts';

/*
 * The search index, kept current IN THE SAME TRANSACTION as each write: a write service calls one of
 * these with its transaction after changing the thing (`await indexTopic(tx, topic.id)`). Each call
 * re-derives the thing's `search_docs` rows from the source tables with set-based SQL (delete, then
 * insert … select), so a deleted, merged or unreadable thing simply leaves the index. The FTS5 table
 * (SQLite) follows through triggers; the tsvector (PostgreSQL) is a generated column.
 */

export type { SearchKind } from '../core/db/tables/search.ts';
export { searchDocuments, rankDocuments, type SearchQuery, type SearchHit, type SearchPage, type RankInput, type RankedDocument } from './search.rank.ts';

function tagsOf(db: Db, table: 'topic_tags' | 'article_tags' | 'community_tags', key: 'topic_id' | 'article_id' | 'community_id', owner: RawBuilder<unknown>): RawBuilder<string> {
  const agg = isPostgres(db) ? sql`string_agg(tag, ' ')` : sql`group_concat(tag, ' ')`;
  return sql<string>`coalesce((select ${agg} from ${sql.table(table)} where ${sql.ref(`${table}.${key}`)} = ${owner}), '')`;
}

const cols = sql`(kind, ref_id, community_id, topic_id, author_id, label, title, tags, extra, body, state, solved, created_at)`;
/*
 * Each insert is an upsert: two transactions re-indexing the same topic at once (PostgreSQL, READ
 * COMMITTED) may both delete before either inserts; the second then updates the row the first wrote
 * instead of failing on the (kind, ref_id) key.
 */
const upsert = sql.raw(`on conflict (kind, ref_id) do update set ${['community_id', 'topic_id', 'author_id', 'label', 'title', 'tags', 'extra', 'body', 'state', 'solved', 'created_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`);

async function insertTopics(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'topic', t.id, t.community_id, t.id, t.author_id, t.title, t.title, ${tagsOf(db, 'topic_tags', 'topic_id', sql`t.id`)}, '', p.body, null,
      case when t.accepted_post_id is null then 0 else 1 end, t.created_at
    from topics t join posts p on p.topic_id = t.id and p.kind = 'opening'
    where t.deleted_at is null and t.merged_into is null and p.deleted_at is null and ${where}
    ${upsert}`.execute(db);
}

async function insertPosts(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'post', p.id, t.community_id, t.id, p.author_id, t.title, '', '', '', p.body, null,
      case when t.accepted_post_id is null then 0 else 1 end, p.created_at
    from posts p join topics t on t.id = p.topic_id
    where p.kind <> 'opening' and p.deleted_at is null and t.deleted_at is null and t.merged_into is null and ${where}
    ${upsert}`.execute(db);
}

async function insertArticles(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'article', a.id, a.community_id, null, a.author_id, a.title, a.title, ${tagsOf(db, 'article_tags', 'article_id', sql`a.id`)}, '', a.body, a.state, null, a.created_at
    from articles a where ${where}
    ${upsert}`.execute(db);
}

async function insertTerms(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'term', g.id, g.community_id, null, g.owner_id, g.term, g.term, '', g.synonyms, g.definition, null, null, g.created_at
    from glossary_terms g where ${where}
    ${upsert}`.execute(db);
}

async function insertMembers(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'member', u.id, null, null, u.id, u.display_name, u.display_name, '', u.username || ' ' || u.discipline || ' ' || u.location, u.bio, null, null, u.created_at
    from users u where ${where}
    ${upsert}`.execute(db);
}

async function insertCommunities(db: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`insert into search_docs ${cols}
    select 'community', c.id, c.id, null, c.created_by, c.name, c.name, ${tagsOf(db, 'community_tags', 'community_id', sql`c.id`)}, c.domain_statement, c.description, null, null, c.created_at
    from communities c where ${where}
    ${upsert}`.execute(db);
}

async function drop(db: Db, kinds: SearchKind[], where: RawBuilder<unknown>): Promise<void> {
  await sql`delete from search_docs where kind in (${sql.join(kinds)}) and ${where}`.execute(db);
}

/** Re-indexes a topic: its own document (title, opening post, tags, solved) and every reply/answer in it. Call after start, edit, move, merge (both topics), delete, accept. */
export async function indexTopic(tx: Db, topicId: number): Promise<void> {
  await drop(tx, ['topic', 'post'], sql`topic_id = ${topicId}`);
  await insertTopics(tx, sql`t.id = ${topicId}`);
  await insertPosts(tx, sql`t.id = ${topicId}`);
}

/** Updates the solved state of a topic's documents in place (cheap: no re-indexing of text). Call after accept/unaccept. */
export async function indexTopicSolved(tx: Db, topicId: number): Promise<void> {
  await sql`update search_docs set solved = (select case when t.accepted_post_id is null then 0 else 1 end from topics t where t.id = ${topicId})
    where topic_id = ${topicId} and kind in ('topic', 'post')`.execute(tx);
}

/** Re-indexes one post (a reply or answer; for an opening post, its topic's document). Call after reply, edit, delete of a post. */
export async function indexPost(tx: Db, postId: number): Promise<void> {
  const p = await tx.selectFrom('posts').select(['kind', 'topic_id']).where('id', '=', postId).executeTakeFirst();
  if (p?.kind === 'opening') {
    await drop(tx, ['topic'], sql`ref_id = ${p.topic_id}`);
    await insertTopics(tx, sql`t.id = ${p.topic_id}`);
    return;
  }
  await drop(tx, ['post'], sql`ref_id = ${postId}`);
  await insertPosts(tx, sql`p.id = ${postId}`);
}

/** Re-indexes an article (title, body, tags, lifecycle state). Call after create, edit, state change, delete. */
export async function indexArticle(tx: Db, articleId: number): Promise<void> {
  await drop(tx, ['article'], sql`ref_id = ${articleId}`);
  await insertArticles(tx, sql`a.id = ${articleId}`);
}

/** Re-indexes a glossary term (term, synonyms, definition). Call after create, edit, delete. */
export async function indexGlossaryTerm(tx: Db, termId: number): Promise<void> {
  await drop(tx, ['term'], sql`ref_id = ${termId}`);
  await insertTerms(tx, sql`g.id = ${termId}`);
}

/** Re-indexes a member (display name, username, bio, discipline, location). Call after sign-up and profile settings. */
export async function indexUser(tx: Db, userId: number): Promise<void> {
  await drop(tx, ['member'], sql`ref_id = ${userId}`);
  await insertMembers(tx, sql`u.id = ${userId}`);
}

/** Re-indexes a community (name, domain statement, description, tags). Call after create and edit. */
export async function indexCommunity(tx: Db, communityId: number): Promise<void> {
  await drop(tx, ['community'], sql`ref_id = ${communityId}`);
  await insertCommunities(tx, sql`c.id = ${communityId}`);
}

/** Removes one thing's document (for a hard delete that the index functions above cannot see any more). */
export async function unindex(tx: Db, kind: SearchKind, id: number): Promise<void> {
  if (kind === 'topic') await drop(tx, ['topic', 'post'], sql`topic_id = ${id}`);
  else await drop(tx, [kind], sql`ref_id = ${id}`);
}

/**
 * (Re)indexes everything of one community — topics, posts, articles, glossary terms and the community
 * itself (or only `kinds` of it) — or, without `communityId`, everything including members. Set-based: one delete and one
 * insert … select per kind, whatever the size (for bulk imports; run it inside the import transaction).
 */
export async function rebuildSearchIndex(db: Db, opts: { communityId?: number; kinds?: SearchKind[] } = {}): Promise<void> {
  const c = opts.communityId;
  if (opts.kinds !== undefined && c !== undefined) {
    const k = new Set(opts.kinds);
    await drop(db, opts.kinds, sql`community_id = ${c}`);
    if (k.has('community')) await insertCommunities(db, sql`c.id = ${c}`);
    if (k.has('topic')) await insertTopics(db, sql`t.community_id = ${c}`);
    if (k.has('post')) await insertPosts(db, sql`t.community_id = ${c}`);
    if (k.has('article')) await insertArticles(db, sql`a.community_id = ${c}`);
    if (k.has('term')) await insertTerms(db, sql`g.community_id = ${c}`);
    return;
  }
  if (c === undefined) {
    await sql`delete from search_docs`.execute(db);
    const all = sql`1 = 1`;
    await insertMembers(db, all);
    await insertCommunities(db, all);
    await insertTopics(db, all);
    await insertPosts(db, all);
    await insertArticles(db, all);
    await insertTerms(db, all);
    return;
  }
  await drop(db, ['topic', 'post', 'article', 'term', 'community'], sql`community_id = ${c}`);
  await insertCommunities(db, sql`c.id = ${c}`);
  await insertTopics(db, sql`t.community_id = ${c}`);
  await insertPosts(db, sql`t.community_id = ${c}`);
  await insertArticles(db, sql`a.community_id = ${c}`);
  await insertTerms(db, sql`g.community_id = ${c}`);
}
