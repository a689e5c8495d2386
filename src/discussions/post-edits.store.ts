import type { Db } from '../core/db/index.ts';

/**
 * Takes the post's row lock for an edit (an UPDATE of updated_at) and returns the current title
 * (for opening posts) and body, read after the lock so concurrent edits queue rather than race.
 * Undefined when there is no such post.
 */
export async function lockPostForEdit(db: Db, postId: number, at: string): Promise<{ body: string; title: string; deleted: boolean } | undefined> {
  await db.updateTable('posts').set({ updated_at: at }).where('id', '=', postId).execute();
  return db
    .selectFrom('posts')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .select(['posts.body', 'topics.title', 'posts.deleted_at'])
    .where('posts.id', '=', postId)
    .executeTakeFirst()
    .then((r) => (r ? { body: r.body, title: r.title, deleted: r.deleted_at !== null } : undefined));
}

/** Stores a post's new body and its rendered HTML, and marks it edited. */
export async function updatePostBody(db: Db, postId: number, p: { body: string; html: string; at: string }): Promise<void> {
  await db.updateTable('posts').set({ body: p.body, body_html: p.html, edited_at: p.at, updated_at: p.at }).where('id', '=', postId).execute();
}

/** Marks a post edited without changing its body (only its topic's title changed). */
export async function markPostEdited(db: Db, postId: number, at: string): Promise<void> {
  await db.updateTable('posts').set({ edited_at: at, updated_at: at }).where('id', '=', postId).execute();
}

/**
 * Soft-deletes a post. Returns false when it was already deleted (say, by a concurrent request), so
 * the caller adjusts the counts exactly once.
 */
export async function markPostDeleted(db: Db, postId: number, d: { at: string; reason: string; byId: number }): Promise<boolean> {
  const r = await db
    .updateTable('posts')
    .set({ deleted_at: d.at, deleted_reason: d.reason, deleted_by: d.byId, updated_at: d.at })
    .where('id', '=', postId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
