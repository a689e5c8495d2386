import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';

/** A post with its author's names. */
export interface Post {
  id: number;
  topicId: number;
  body: string;
  createdAt: string;
  author: { id: number; username: string; displayName: string };
}

function postsWithAuthors(db: Db) {
  return db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select(['posts.id', 'posts.topic_id', 'posts.body', 'posts.created_at', 'users.id as author_id', 'users.username', 'users.display_name']);
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postsWithAuthors>['executeTakeFirstOrThrow']>>;

function toPost(r: PostRow): Post {
  return { id: r.id, topicId: r.topic_id, body: r.body, createdAt: r.created_at, author: { id: r.author_id, username: r.username, displayName: r.display_name } };
}

/** Inserts a post and returns its id. Run inside the transaction that also updates the topic's counters. */
export async function insertPost(db: Db, p: { topicId: number; authorId: number; body: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('posts')
    .values({ topic_id: p.topicId, author_id: p.authorId, body: p.body, created_at: p.at, updated_at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Posts of a topic in the order they were written (the opening post first), keyset-paginated on id.
 * Fetch `limit + 1` to learn whether there is a next page.
 */
export async function listPosts(db: Db, topicId: number, opts: { limit: number; after?: Cursor | null }): Promise<Post[]> {
  let q = postsWithAuthors(db).where('posts.topic_id', '=', topicId);
  if (opts.after) q = q.where('posts.id', '>', opts.after.id);
  const rows = await q.orderBy('posts.id', 'asc').limit(opts.limit).execute();
  return rows.map(toPost);
}

/** The opening post of a topic (its first post), or undefined for a topic without posts. */
export async function findOpeningPost(db: Db, topicId: number): Promise<Post | undefined> {
  const r = await postsWithAuthors(db).where('posts.topic_id', '=', topicId).orderBy('posts.id', 'asc').limit(1).executeTakeFirst();
  return r ? toPost(r) : undefined;
}

/**
 * The cursor of the page (of `perPage` posts, oldest first) that holds `postId`, or null for the
 * first page. Lets a reply land on the page where it shows.
 */
export async function pageCursorForPost(db: Db, topicId: number, postId: number, perPage: number): Promise<Cursor | null> {
  const before = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where('id', '<', postId)
    .executeTakeFirstOrThrow();
  const start = Math.floor(Number(before.n) / perPage) * perPage;
  if (start === 0) return null;
  const last = await db.selectFrom('posts').select('id').where('topic_id', '=', topicId).orderBy('id', 'asc').offset(start - 1).limit(1).executeTakeFirst();
  return last ? { v: last.id, id: last.id } : null;
}
