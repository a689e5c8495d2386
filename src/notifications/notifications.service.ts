import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import type { Actor } from '../core/permissions/index.ts';
import { countUnread, listNotifications, markNotificationsRead, type NotificationView } from './notifications.store.ts';

/** One page of the actor's visible notifications, newest first. Throws 400 naming `cursor` for a bad cursor. */
export async function notificationsPage(deps: Deps, actor: Actor, q: { cursor?: string; limit?: number; unread?: boolean }): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const limit = q.limit ?? 20;
  const rows = await listNotifications(deps.db, actor, { limit: limit + 1, after: decodeCursor(q.cursor), unreadOnly: q.unread });
  return paginate(rows, limit, (n) => ({ v: n.id, id: n.id }));
}

/** Marks some (by id) or all of the actor's notifications read; ids of others' are ignored. */
export async function markRead(deps: Deps, actor: Actor, ids?: number[]): Promise<{ marked: number; unread: number }> {
  const marked = await markNotificationsRead(deps.db, actor.id, ids, iso(deps.clock.now()));
  return { marked, unread: await countUnread(deps.db, actor) };
}
