import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { SearchKind } from '../core/db/tables/search.ts';
import { isPostgres } from './search.dialect.ts';
import { flushSearchIndex, noteSearchDocsWritten } from './search.flush.ts';

/*
 * The search index, kept current IN THE SAME TRANSACTION as each write: a write service calls one of
 * these with its transaction after changing the thing (`await indexTopic(tx, topic.id)`). Each call
 * re-derives the thing's `search_docs` rows from the source tables with set-based SQL (delete, then
 * insert … select), so a deleted, merged or unreadable thing simply leaves the index. The tsvector
 * (PostgreSQL) is a generated column; the FTS5 table (SQLite) takes new documents in batches a moment
 * later, and always before a search reads it (search.flush.ts).
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

/** The document rows of each kind, as SELECTs in `cols` order (combined by insertDocs). */
function topicRows(db: Db, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'topic', t.id, t.community_id, t.id, t.author_id, t.title, t.title, ${tagsOf(db, 'topic_tags', 'topic_id', sql`t.id`)}, '', p.body, cast(null as text),
      case when t.accepted_post_id is null then 0 else 1 end, t.created_at
    from topics t join posts p on p.topic_id = t.id and p.kind = 'opening'
    where t.deleted_at is null and t.merged_into is null and p.deleted_at is null and ${where}`;
}

function postRows(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'post', p.id, t.community_id, t.id, p.author_id, t.title, '', '', '', p.body, cast(null as text),
      case when t.accepted_post_id is null then 0 else 1 end, p.created_at
    from posts p join topics t on t.id = p.topic_id
    where p.kind <> 'opening' and p.deleted_at is null and t.deleted_at is null and t.merged_into is null and ${where}`;
}

function articleRows(db: Db, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'article', a.id, a.community_id, cast(null as integer), a.author_id, a.title, a.title, ${tagsOf(db, 'article_tags', 'article_id', sql`a.id`)}, '', a.body, a.state, cast(null as integer), a.created_at
    from articles a where ${where}`;
}

function termRows(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'term', g.id, g.community_id, cast(null as integer), g.owner_id, g.term, g.term, '', g.synonyms, g.definition, cast(null as text), cast(null as integer), g.created_at
    from glossary_terms g where ${where}`;
}

/** A profile field of `u` for the index: its value only when its owner shows it to everyone (one document serves every searcher). */
function publicField(field: string): RawBuilder<string> {
  return sql<string>`(case when exists (select 1 from profile_field_privacy pfp where pfp.user_id = u.id and pfp.field = ${field}) then '' else ${sql.ref(`u.${field}`)} end)`;
}

function memberRows(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'member', u.id, cast(null as integer), cast(null as integer), u.id, u.display_name, u.display_name, '', u.username || ' ' || ${publicField('headline')} || ' ' || ${publicField('discipline')} || ' ' || ${publicField('location')}, ${publicField('bio')}, cast(null as text), cast(null as integer), u.created_at
    from users u where ${where}`;
}

function communityRows(db: Db, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 'community', c.id, c.id, cast(null as integer), c.created_by, c.name, c.name, ${tagsOf(db, 'community_tags', 'community_id', sql`c.id`)}, c.domain_statement, c.description, cast(null as text), cast(null as integer), c.created_at
    from communities c where ${where}`;
}

/**
 * Inserts (upserts) the rows of the given SELECTs in one statement, oldest first: document ids then
 * follow the things' dates, which SQLite's bounded ranking relies on (newest matches = highest ids).
 */
async function insertDocs(db: Db, selects: RawBuilder<unknown>[]): Promise<void> {
  await sql`insert into search_docs ${cols}
    select * from (${sql.join(selects, sql` union all `)}) x where true order by 13
    ${upsert}`.execute(db);
  noteSearchDocsWritten();
}

async function drop(db: Db, kinds: SearchKind[], where: RawBuilder<unknown>): Promise<void> {
  if (kinds.length === 0) return;
  await sql`delete from search_docs where kind in (${sql.join(kinds)}) and ${where}`.execute(db);
}

/** Re-indexes a topic: its own document (title, opening post, tags, solved) and every reply/answer in it. Call after start, edit, move, merge (both topics), delete, accept. */
export async function indexTopic(tx: Db, topicId: number): Promise<void> {
  await drop(tx, ['topic', 'post'], sql`topic_id = ${topicId}`);
  await insertDocs(tx, [topicRows(tx, sql`t.id = ${topicId}`), postRows(sql`t.id = ${topicId}`)]);
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
    await insertDocs(tx, [topicRows(tx, sql`t.id = ${p.topic_id}`)]);
    return;
  }
  await drop(tx, ['post'], sql`ref_id = ${postId}`);
  await insertDocs(tx, [postRows(sql`p.id = ${postId}`)]);
}

/** Indexes a reply or answer written just now in this transaction (nothing to replace, kind known). */
export async function indexNewReply(tx: Db, postId: number): Promise<void> {
  await insertDocs(tx, [postRows(sql`p.id = ${postId}`)]);
}

/** Re-indexes an article (title, body, tags, lifecycle state). Call after create, edit, state change, delete. */
export async function indexArticle(tx: Db, articleId: number): Promise<void> {
  await drop(tx, ['article'], sql`ref_id = ${articleId}`);
  await insertDocs(tx, [articleRows(tx, sql`a.id = ${articleId}`)]);
}

/** Re-indexes a glossary term (term, synonyms, definition). Call after create, edit, delete. */
export async function indexGlossaryTerm(tx: Db, termId: number): Promise<void> {
  await drop(tx, ['term'], sql`ref_id = ${termId}`);
  await insertDocs(tx, [termRows(sql`g.id = ${termId}`)]);
}

/** Re-indexes a member (display name, username; headline, discipline, location and bio when shown to everyone). Call after sign-up and profile settings. */
export async function indexUser(tx: Db, userId: number): Promise<void> {
  await drop(tx, ['member'], sql`ref_id = ${userId}`);
  await insertDocs(tx, [memberRows(sql`u.id = ${userId}`)]);
}

/** Re-indexes a community (name, domain statement, description, tags). Call after create and edit. */
export async function indexCommunity(tx: Db, communityId: number): Promise<void> {
  await drop(tx, ['community'], sql`ref_id = ${communityId}`);
  await insertDocs(tx, [communityRows(tx, sql`c.id = ${communityId}`)]);
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
  const kinds = new Set<SearchKind>(opts.kinds ?? ['community', 'topic', 'post', 'article', 'term', ...(c === undefined ? (['member'] as const) : [])]);
  if (c === undefined) await drop(db, [...kinds], sql`1 = 1`);
  else await drop(db, [...kinds].filter((k) => k !== 'member'), sql`community_id = ${c}`);
  const all = sql`1 = 1`;
  const selects: RawBuilder<unknown>[] = [];
  if (kinds.has('member') && c === undefined) selects.push(memberRows(all));
  if (kinds.has('community')) selects.push(communityRows(db, c === undefined ? all : sql`c.id = ${c}`));
  if (kinds.has('topic')) selects.push(topicRows(db, c === undefined ? all : sql`t.community_id = ${c}`));
  if (kinds.has('post')) selects.push(postRows(c === undefined ? all : sql`t.community_id = ${c}`));
  if (kinds.has('article')) selects.push(articleRows(db, c === undefined ? all : sql`a.community_id = ${c}`));
  if (kinds.has('term')) selects.push(termRows(c === undefined ? all : sql`g.community_id = ${c}`));
  if (selects.length > 0) await insertDocs(db, selects);
  // In bulk, FTS5 takes the new documents in one statement (no batches: this runs in an import's transaction).
  await flushSearchIndex(db, Number.MAX_SAFE_INTEGER);
}
