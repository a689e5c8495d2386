import type { Db } from '../core/db/index.ts';

/** One stored earlier version of a post, and the edit that replaced it. */
export interface Revision {
  revision: number;
  /** The title before the edit (opening posts only). */
  title: string | null;
  /** The body before the edit. */
  body: string;
  reason: string;
  createdAt: string;
  editor: { id: number; username: string; displayName: string };
}

/**
 * Stores the version an edit replaces as revision n+1 of the post (1 for the first edit). Call it in
 * the editing transaction after locking the post row (the UPDATE of the post), so two edits at once
 * cannot pick the same number.
 */
export async function insertRevision(db: Db, r: { postId: number; editorId: number; title: string | null; body: string; reason: string; at: string }): Promise<number> {
  const last = await db.selectFrom('post_revisions').select((eb) => eb.fn.max('revision').as('n')).where('post_id', '=', r.postId).executeTakeFirst();
  const revision = Number(last?.n ?? 0) + 1;
  await db
    .insertInto('post_revisions')
    .values({ post_id: r.postId, revision, editor_id: r.editorId, title: r.title, body: r.body, reason: r.reason, created_at: r.at })
    .execute();
  return revision;
}

/** All revisions of a post, oldest first. */
export async function listRevisions(db: Db, postId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('post_revisions')
    .innerJoin('users', 'users.id', 'post_revisions.editor_id')
    .select(['post_revisions.revision', 'post_revisions.title', 'post_revisions.body', 'post_revisions.reason', 'post_revisions.created_at', 'users.id as editor_id', 'users.username', 'users.display_name'])
    .where('post_revisions.post_id', '=', postId)
    .orderBy('post_revisions.revision', 'asc')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    title: r.title,
    body: r.body,
    reason: r.reason,
    createdAt: r.created_at,
    editor: { id: r.editor_id, username: r.username, displayName: r.display_name },
  }));
}
