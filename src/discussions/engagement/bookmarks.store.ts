import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';

/** Bookmarks a post for the user; false when it already was. */
export async function addBookmark(db: Db, userId: number, postId: number, at: string): Promise<boolean> {
  const r = await db
    .insertInto('bookmarks')
    .values({ user_id: userId, post_id: postId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'post_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Removes a bookmark; false when there was none. */
export async function removeBookmark(db: Db, userId: number, postId: number): Promise<boolean> {
  const r = await db.deleteFrom('bookmarks').where('user_id', '=', userId).where('post_id', '=', postId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Which of these posts the user has bookmarked. */
export async function bookmarkedAmong(db: Db, userId: number, postIds: number[]): Promise<Set<number>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.selectFrom('bookmarks').select('post_id').where('user_id', '=', userId).where('post_id', 'in', postIds).execute();
  return new Set(rows.map((r) => r.post_id));
}

/** A bookmarked post as the bookmarks list shows it. */
export interface BookmarkView {
  postId: number;
  bookmarkedAt: string;
  opening: boolean;
  excerpt: string;
  author: { username: string; displayName: string };
  topic: { id: number; title: string };
  community: { slug: string; name: string };
}

/**
 * The user's bookmarks they may still read — the visibility rule applied now, so a post in a private
 * community they left drops out; deleted posts and topics too. Newest first, keyset-paginated on
 * (created_at, post_id); fetch `limit + 1` to learn whether there is more.
 */
export async function listBookmarks(db: Db, actor: Actor, opts: { limit: number; after?: Cursor | null }): Promise<BookmarkView[]> {
  let q = db
    .selectFrom('bookmarks as b')
    .innerJoin('posts as p', 'p.id', 'b.post_id')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select(['b.post_id', 'b.created_at', 'p.kind', 'p.body', 't.id as topic_id', 't.title', 'c.slug', 'c.name', 'u.username', 'u.display_name'])
    .where('b.user_id', '=', actor.id)
    .where('t.community_id', 'in', readableCommunityIds(db, actor))
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('b.created_at', '<', String(v)), eb.and([eb('b.created_at', '=', String(v)), eb('b.post_id', '<', id)])]));
  }
  const rows = await q.orderBy('b.created_at', 'desc').orderBy('b.post_id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    postId: r.post_id,
    bookmarkedAt: r.created_at,
    opening: r.kind === 'opening',
    excerpt: r.body.length > 200 ? `${r.body.slice(0, 200).trimEnd()}…` : r.body,
    author: { username: r.username, displayName: r.display_name },
    topic: { id: r.topic_id, title: r.title },
    community: { slug: r.slug, name: r.name },
  }));
}
