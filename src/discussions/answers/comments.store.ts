import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import type { CommentDto } from './answers.schema.ts';

function commentsWithAuthors(db: Db) {
  return db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select(['comments.id', 'comments.post_id', 'comments.body', 'comments.body_html', 'comments.created_at', 'users.id as author_id', 'users.username', 'users.display_name'])
    .where('comments.deleted_at', 'is', null);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsWithAuthors>['executeTakeFirstOrThrow']>>;

function toComment(r: CommentRow): CommentDto {
  return { id: r.id, postId: r.post_id, body: r.body, bodyHtml: r.body_html, createdAt: r.created_at, author: { id: r.author_id, username: r.username, displayName: r.display_name } };
}

/**
 * Adds a comment and counts it on its post (comment_count = comment_count + 1, atomic) and returns
 * its id. Run inside the transaction that records the activity.
 */
export async function insertComment(db: Db, c: { postId: number; authorId: number; body: string; bodyHtml: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({ post_id: c.postId, author_id: c.authorId, body: c.body, body_html: c.bodyHtml, created_at: c.at, deleted_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('posts').set((eb) => ({ comment_count: eb('comment_count', '+', 1) })).where('id', '=', c.postId).execute();
  return row.id;
}

/**
 * Soft-deletes a live comment and uncounts it on its post, returning the post's comment_count after;
 * undefined when it was already deleted (then nothing changes, so two deletes count once).
 */
export async function softDeleteComment(db: Db, commentId: number, at: string): Promise<number | undefined> {
  const gone = await db.updateTable('comments').set({ deleted_at: at }).where('id', '=', commentId).where('deleted_at', 'is', null).returning('post_id').executeTakeFirst();
  if (!gone) return undefined;
  const post = await db
    .updateTable('posts')
    .set((eb) => ({ comment_count: eb('comment_count', '-', 1) }))
    .where('id', '=', gone.post_id)
    .returning('comment_count')
    .executeTakeFirstOrThrow();
  return post.comment_count;
}

/** A live comment's id, post and author, or undefined. */
export async function findComment(db: Db, commentId: number): Promise<{ id: number; postId: number; authorId: number } | undefined> {
  const r = await db.selectFrom('comments').select(['id', 'post_id', 'author_id']).where('id', '=', commentId).where('deleted_at', 'is', null).executeTakeFirst();
  return r ? { id: r.id, postId: r.post_id, authorId: r.author_id } : undefined;
}

/** One live comment with its author. */
export async function getComment(db: Db, commentId: number): Promise<CommentDto | undefined> {
  const r = await commentsWithAuthors(db).where('comments.id', '=', commentId).executeTakeFirst();
  return r ? toComment(r) : undefined;
}

/** Live comments of a post, oldest first, keyset-paginated on id. Fetch `limit + 1` to learn whether there is more. */
export async function listComments(db: Db, postId: number, opts: { limit: number; after?: Cursor | null }): Promise<CommentDto[]> {
  let q = commentsWithAuthors(db).where('comments.post_id', '=', postId);
  if (opts.after) q = q.where('comments.id', '>', opts.after.id);
  return (await q.orderBy('comments.id', 'asc').limit(opts.limit).execute()).map(toComment);
}

/** Live comments of several posts (for one topic page), oldest first, grouped by post id. */
export async function commentsOnPosts(db: Db, postIds: number[]): Promise<Map<number, CommentDto[]>> {
  const out = new Map<number, CommentDto[]>();
  if (postIds.length === 0) return out;
  const rows = await commentsWithAuthors(db).where('comments.post_id', 'in', postIds).orderBy('comments.id', 'asc').execute();
  for (const r of rows) {
    const list = out.get(r.post_id) ?? [];
    list.push(toComment(r));
    out.set(r.post_id, list);
  }
  return out;
}

/** Users among the given lower-case usernames that exist, lower-cased (to link @mentions). */
export async function existingUsernames(db: Db, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('username').where((eb) => eb(eb.fn('lower', ['username']), 'in', names)).execute();
  return new Set(rows.map((r) => r.username.toLowerCase()));
}
