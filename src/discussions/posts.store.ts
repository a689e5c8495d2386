import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { Database } from '../core/db/schema.ts';
import type { Cursor } from '../core/http/pagination.ts';
import type { PostKind, PostSort } from './discussions.schema.ts';

/** A post with its author's names, as stored (the service decides who may see a deleted post's text). */
export interface Post {
  id: number;
  topicId: number;
  kind: PostKind;
  body: string;
  bodyHtml: string;
  score: number;
  commentCount: number;
  createdAt: string;
  editedAt: string | null;
  author: { id: number; username: string; displayName: string };
  deleted: { at: string; reason: string; by: { id: number; username: string; displayName: string } | null } | null;
  /** Where an imported post came from (site, original id, original URL); null for posts written here. */
  source?: { site: string; id: number; url: string } | null;
}

/** Posts with their authors; `markdownOf` (the accepted answer's id, or null) keeps the Markdown only of the opening post and that answer. */
function postsWithAuthors(db: Db, markdownOf: number | null | 'all' = 'all') {
  return db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .leftJoin('users as deleter', 'deleter.id', 'posts.deleted_by')
    // Where an imported post came from (src/importers/stackexchange); one question/answer origin per post.
    .leftJoin('import_sources as src', (j) => j.onRef('src.post_id', '=', 'posts.id').on('src.kind', 'in', ['question', 'answer']))
    .select([
      'posts.id',
      'posts.topic_id',
      'posts.kind',
      // A page shows the HTML only: it leaves the Markdown source (as long again) unread, but for the
      // opening post and the accepted answer, which related topics are ranked from.
      markdownOf === 'all' ? 'posts.body' : sql<string>`case when posts.kind = 'opening' or posts.id = ${markdownOf ?? -1} then posts.body else '' end`.as('body'),
      'posts.body_html',
      'posts.score',
      'posts.comment_count',
      'posts.created_at',
      'posts.edited_at',
      'posts.deleted_at',
      'posts.deleted_reason',
      'users.id as author_id',
      'users.username',
      'users.display_name',
      'deleter.id as deleter_id',
      'deleter.username as deleter_username',
      'deleter.display_name as deleter_display_name',
      'src.site as source_site',
      'src.original_id as source_id',
      'src.url as source_url',
    ]);
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postsWithAuthors>['executeTakeFirstOrThrow']>>;

function toPost(r: PostRow): Post {
  const by = r.deleter_id !== null && r.deleter_username !== null ? { id: r.deleter_id, username: r.deleter_username, displayName: r.deleter_display_name ?? r.deleter_username } : null;
  return {
    id: r.id,
    topicId: r.topic_id,
    kind: r.kind,
    body: r.body,
    bodyHtml: r.body_html,
    score: r.score,
    commentCount: r.comment_count,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
    deleted: r.deleted_at ? { at: r.deleted_at, reason: r.deleted_reason, by } : null,
    source: r.source_site !== null && r.source_id !== null ? { site: r.source_site, id: r.source_id, url: r.source_url ?? '' } : null,
  };
}

/** Inserts a post and returns its id. Run inside the transaction that also updates the topic's counters. */
export async function insertPost(db: Db, p: { topicId: number; authorId: number; kind: PostKind; body: string; bodyHtml: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('posts')
    .values({ topic_id: p.topicId, author_id: p.authorId, kind: p.kind, body: p.body, body_html: p.bodyHtml, created_at: p.at, updated_at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type PostsEb = ExpressionBuilder<Database, 'posts'>;

/** Where a post sits in a topic: the opening post first, then the accepted answer, then the rest. */
function rankOf(eb: PostsEb, acceptedId: number | null) {
  return eb.case().when('posts.kind', '=', 'opening').then(0).when('posts.id', '=', acceptedId ?? -1).then(1).else(2).end();
}

/** The cursor that follows `p` in a listing sorted by `sort`. */
export function postCursor(p: Post, acceptedId: number | null, sort: PostSort): Cursor {
  const rank = p.kind === 'opening' ? 0 : p.id === acceptedId ? 1 : 2;
  return { v: `${rank}:${sort === 'votes' ? p.score : 0}`, id: p.id };
}

/**
 * Posts of a topic: the opening post first, then the accepted answer (if any), then the rest by
 * score (then time) or by time; keyset-paginated on that order. Deleted posts are included (as
 * placeholders). Fetch `limit + 1` to learn whether there is a next page. `markdown: false` leaves
 * the Markdown source out (`body` is '') but for the opening post and the accepted answer, for pages
 * that show only the HTML.
 */
export async function listPosts(db: Db, topicId: number, opts: { limit: number; after?: Cursor | null; sort?: PostSort; acceptedId?: number | null; markdown?: boolean }): Promise<Post[]> {
  const acceptedId = opts.acceptedId ?? null;
  const votes = opts.sort === 'votes';
  let q = postsWithAuthors(db, (opts.markdown ?? true) ? 'all' : acceptedId).where('posts.topic_id', '=', topicId);
  if (opts.after) {
    const [r, s] = String(opts.after.v).split(':').map(Number);
    const rank = Number.isFinite(r) ? (r as number) : 0;
    const score = Number.isFinite(s) ? (s as number) : 0;
    const id = opts.after.id;
    q = q.where((eb) => {
      const rk = rankOf(eb, acceptedId);
      const sameRank = votes
        ? eb.or([eb('posts.score', '<', score), eb.and([eb('posts.score', '=', score), eb('posts.id', '>', id)])])
        : eb('posts.id', '>', id);
      return eb.or([eb(rk, '>', rank), eb.and([eb(rk, '=', rank), sameRank])]);
    });
  }
  let ordered = q.orderBy((eb) => rankOf(eb, acceptedId), 'asc');
  if (votes) ordered = ordered.orderBy('posts.score', 'desc');
  const rows = await ordered.orderBy('posts.id', 'asc').limit(opts.limit).execute();
  return rows.map(toPost);
}

/** One post by id, or undefined. */
export async function findPostById(db: Db, id: number): Promise<Post | undefined> {
  const r = await postsWithAuthors(db).where('posts.id', '=', id).executeTakeFirst();
  return r ? toPost(r) : undefined;
}

/** The opening post of a topic, or undefined for a topic without posts. */
export async function findOpeningPost(db: Db, topicId: number): Promise<Post | undefined> {
  const r = await postsWithAuthors(db).where('posts.topic_id', '=', topicId).orderBy('posts.id', 'asc').limit(1).executeTakeFirst();
  return r ? toPost(r) : undefined;
}

/** Stores HTML rendered later for a post written before bodies were rendered (only if still empty). */
export async function fillBodyHtml(db: Db, postId: number, html: string): Promise<void> {
  await db.updateTable('posts').set({ body_html: html }).where('id', '=', postId).where('body_html', '=', '').execute();
}

/**
 * The cursor of the page (of `perPage` posts, sorted by time: opening, accepted, then oldest first)
 * that holds `postId`, or null for the first page. Lets a new post land on the page where it shows.
 */
export async function pageCursorForPost(db: Db, topicId: number, postId: number, perPage: number, acceptedId: number | null = null): Promise<Cursor | null> {
  const before = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where((eb) => eb.or([eb('id', '<', postId), eb('id', '=', acceptedId ?? -1)]))
    .executeTakeFirstOrThrow();
  const start = Math.floor(Number(before.n) / perPage) * perPage;
  if (start === 0) return null;
  const [last] = await listPostsAt(db, topicId, start - 1, acceptedId);
  return last ? postCursor(last, acceptedId, 'time') : null;
}

async function listPostsAt(db: Db, topicId: number, offset: number, acceptedId: number | null): Promise<Post[]> {
  const rows = await postsWithAuthors(db)
    .where('posts.topic_id', '=', topicId)
    .orderBy((eb) => rankOf(eb, acceptedId), 'asc')
    .orderBy('posts.id', 'asc')
    .offset(offset)
    .limit(1)
    .execute();
  return rows.map(toPost);
}

/** Ids of users with these usernames (lower-case), keyed by username. */
export async function findUserIdsByUsername(db: Db, usernames: string[]): Promise<Map<string, number>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username']).where((eb) => eb(eb.fn('lower', ['username']), 'in', usernames)).execute();
  return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
}

/** Whether a topic has more than `n` posts (deleted ones count: pages show them as placeholders). */
export async function hasMorePostsThan(db: Db, topicId: number, n: number): Promise<boolean> {
  const row = await db.selectFrom('posts').select('id').where('topic_id', '=', topicId).orderBy('id').offset(n).limit(1).executeTakeFirst();
  return row !== undefined;
}
