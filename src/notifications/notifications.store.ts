import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';

/** What a notification is about: topic-based kinds point at a post; mentoring kinds carry `data` instead. */
export type NotificationKind = TopicNotificationKind | MessageNotificationKind;
export type TopicNotificationKind = 'mention' | 'reply' | 'answer' | 'accepted' | 'watched' | 'invited';
export type MessageNotificationKind = 'mentoring_request' | 'mentoring_accepted' | 'mentoring_declined' | 'mentoring_ended';

/** A notification about a post in a topic, to write. */
export interface NewNotification {
  userId: number;
  kind: TopicNotificationKind;
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

/** The `data` of a notification not tied to a topic: what to say and where it leads (a local path). */
export interface NotificationData {
  text: string;
  url: string;
}

/** A notification not tied to a topic (mentoring), to write. `communityId`, when set, must stay readable for the user to see it. */
export interface NewMessageNotification {
  userId: number;
  kind: MessageNotificationKind;
  actorId: number | null;
  communityId?: number | null;
  data: NotificationData;
  at: string;
}

/**
 * Inserts notifications not tied to a topic, visible only to their user. Run inside the transaction of the act.
 * Throws if a url is not a local path (a programming error: callers build the url).
 */
export async function insertMessageNotifications(db: Db, rows: NewMessageNotification[]): Promise<void> {
  if (rows.length === 0) return;
  for (const n of rows) if (!isLocalPath(n.data.url)) throw new Error(`Notification url must be a local path: ${n.data.url}`);
  await db
    .insertInto('notifications')
    .values(rows.map((n) => ({ user_id: n.userId, kind: n.kind, actor_id: n.actorId, community_id: n.communityId ?? null, topic_id: null, post_id: null, data: JSON.stringify({ text: n.data.text, url: n.data.url }), created_at: n.at, read_at: null })))
    .execute();
}

function isLocalPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.includes('\\');
}

/** A notification as its reader sees it: with the topic and community it points into, or (no topic) with its `data`. */
export interface NotificationView {
  id: number;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  actor: { id: number; username: string; displayName: string } | null;
  topic: { id: number; title: string } | null;
  community: { slug: string; name: string } | null;
  postId: number | null;
  data: NotificationData | null;
}

function parseData(raw: string): NotificationData | null {
  try {
    const d = JSON.parse(raw) as Partial<NotificationData>;
    return typeof d.text === 'string' && typeof d.url === 'string' && isLocalPath(d.url) ? { text: d.text, url: d.url } : null;
  } catch {
    return null;
  }
}

/**
 * The actor's notifications that they may still see: the visibility rule applied now, at read time
 * (someone who left a private community no longer sees its notifications), and nothing pointing at a
 * deleted topic or post. The topic's current community counts, so moved topics follow. A notification
 * without a topic (mentoring) is seen when it has no community or its community is still readable.
 */
function visibleNotifications(db: Db, actor: Actor) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('topics as t', 't.id', 'n.topic_id')
    .leftJoin('posts as p', 'p.id', 'n.post_id')
    .leftJoin('communities as c', (join) => join.on((eb) => eb('c.id', '=', eb.fn.coalesce('t.community_id', 'n.community_id'))))
    .where('n.user_id', '=', actor.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('n.topic_id', 'is', null), eb('n.post_id', 'is', null), eb.or([eb('n.community_id', 'is', null), eb('n.community_id', 'in', readableCommunityIds(db, actor))])]),
        eb.and([eb('t.community_id', 'in', readableCommunityIds(db, actor)), eb('t.deleted_at', 'is', null), eb('p.deleted_at', 'is', null)]),
      ]),
    );
}

/** Newest first, keyset-paginated on id; fetch `limit + 1` to learn whether there is more. */
export async function listNotifications(db: Db, actor: Actor, opts: { limit: number; after?: Cursor | null; unreadOnly?: boolean }): Promise<NotificationView[]> {
  let q = visibleNotifications(db, actor)
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .select(['n.id', 'n.kind', 'n.created_at', 'n.read_at', 'n.post_id', 'n.data', 't.id as topic_id', 't.title', 'c.slug', 'c.name', 'u.id as actor_id', 'u.username', 'u.display_name']);
  if (opts.after) q = q.where('n.id', '<', opts.after.id);
  if (opts.unreadOnly) q = q.where('n.read_at', 'is', null);
  const rows = await q.orderBy('n.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    createdAt: r.created_at,
    readAt: r.read_at,
    actor: r.actor_id !== null && r.username !== null && r.display_name !== null ? { id: r.actor_id, username: r.username, displayName: r.display_name } : null,
    topic: r.topic_id !== null && r.title !== null ? { id: r.topic_id, title: r.title } : null,
    community: r.slug !== null && r.name !== null ? { slug: r.slug, name: r.name } : null,
    postId: r.post_id,
    data: r.topic_id === null ? parseData(r.data) : null,
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
