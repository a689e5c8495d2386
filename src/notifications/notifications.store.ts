import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';

/** What a notification is about. */
export type NotificationKind = 'mention' | 'reply' | 'answer' | 'accepted' | 'watched' | 'invited';

/** A notification to write. */
export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  actorId: number | null;
  communityId: number;
  topicId: number;
  postId: number;
  at: string;
}

/** Inserts notifications (none is fine). Run inside the transaction of the act that caused them. */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(rows.map((n) => ({ user_id: n.userId, kind: n.kind, actor_id: n.actorId, community_id: n.communityId, topic_id: n.topicId, post_id: n.postId, created_at: n.at, read_at: null })))
    .execute();
}

/** A notification as its reader sees it, with the topic and community it points into. */
export interface NotificationView {
  id: number;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  actor: { id: number; username: string; displayName: string } | null;
  topic: { id: number; title: string };
  community: { slug: string; name: string };
  postId: number;
}

/**
 * The actor's notifications that they may still see: the visibility rule applied now, at read time
 * (someone who left a private community no longer sees its notifications), and nothing pointing at a
 * deleted topic or post. The topic's current community counts, so moved topics follow.
 */
function visibleNotifications(db: Db, actor: Actor) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('topics as t', 't.id', 'n.topic_id')
    .innerJoin('posts as p', 'p.id', 'n.post_id')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .where('n.user_id', '=', actor.id)
    .where('t.community_id', 'in', readableCommunityIds(db, actor))
    .where('t.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null);
}

/** Newest first, keyset-paginated on id; fetch `limit + 1` to learn whether there is more. */
export async function listNotifications(db: Db, actor: Actor, opts: { limit: number; after?: Cursor | null; unreadOnly?: boolean }): Promise<NotificationView[]> {
  let q = visibleNotifications(db, actor)
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .select(['n.id', 'n.kind', 'n.created_at', 'n.read_at', 'n.post_id', 't.id as topic_id', 't.title', 'c.slug', 'c.name', 'u.id as actor_id', 'u.username', 'u.display_name']);
  if (opts.after) q = q.where('n.id', '<', opts.after.id);
  if (opts.unreadOnly) q = q.where('n.read_at', 'is', null);
  const rows = await q.orderBy('n.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    createdAt: r.created_at,
    readAt: r.read_at,
    actor: r.actor_id !== null && r.username !== null && r.display_name !== null ? { id: r.actor_id, username: r.username, displayName: r.display_name } : null,
    topic: { id: r.topic_id, title: r.title },
    community: { slug: r.slug, name: r.name },
    postId: r.post_id!,
  }));
}

/** How many of the actor's visible notifications are unread. */
export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const r = await visibleNotifications(db, actor)
    .where('n.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the user's unread notifications read: those with the given ids, or all. Returns how many. */
export async function markNotificationsRead(db: Db, userId: number, ids: number[] | undefined, at: string): Promise<number> {
  if (ids && ids.length === 0) return 0;
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
