import { LRUCache } from 'lru-cache';
import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { dayOf } from '../period.ts';
import { insertContentView, type ViewedType } from './views.store.ts';

/** A topic or article page someone opened, in its community. */
export interface ViewedItem {
  type: ViewedType;
  id: number;
  communityId: number;
}

/**
 * Counts a signed-in member's view of a topic or article: the first view per member per item per
 * UTC day inserts a `content_views` row and appends `topic.viewed` / `article.viewed` to the activity
 * stream (not a public verb: never shown in feeds), in one transaction. Later views that day, and
 * anonymous views (anonymous pages are micro-cached, so they cannot be counted), write nothing.
 * Resolves true when a view was counted.
 */
export async function recordView(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, item: ViewedItem): Promise<boolean> {
  if (!actor) return false;
  const at = deps.clock.now().toISOString();
  // A view this node has already counted (or found counted) today costs nothing: no write transaction.
  const key = `${actor.id}:${item.type}:${item.id}:${dayOf(at)}`;
  const seen = seenOn(deps.db);
  if (seen.has(key)) return false;
  const first = await deps.db.transaction().execute(async (tx) => {
    const inserted = await insertContentView(tx, { userId: actor.id, type: item.type, id: item.id, day: dayOf(at) });
    if (inserted) await recordActivity(tx, { actorId: actor.id, verb: `${item.type}.viewed`, communityId: item.communityId, subjectType: item.type, subjectId: item.id, at });
    return inserted;
  });
  seen.set(key, true);
  return first;
}

/** Views counted today by this node, per database (a bounded memory: forgetting one only costs a no-op insert). */
const seenViews = new WeakMap<Db, LRUCache<string, true>>();
function seenOn(db: Db): LRUCache<string, true> {
  let c = seenViews.get(db);
  if (!c) {
    c = new LRUCache<string, true>({ max: 50_000 });
    seenViews.set(db, c);
  }
  return c;
}

const pending = new WeakMap<Db, Set<Promise<unknown>>>();

/**
 * Records a view after the page has gone out (next turn of the event loop), never awaited by the
 * page: a failure is logged and the page has already answered. Call it from a page handler.
 */
export function recordViewLater(deps: Pick<Deps, 'db' | 'clock' | 'log'>, actor: Actor | null, item: ViewedItem): void {
  if (!actor) return;
  const set = pending.get(deps.db) ?? new Set<Promise<unknown>>();
  pending.set(deps.db, set);
  const p: Promise<unknown> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => recordView(deps, actor, item))
    .catch((err: unknown) => deps.log.warn({ err, item }, 'recording a view failed'))
    .finally(() => set.delete(p));
  set.add(p);
}

/** Resolves when every view recording started on this database has finished (tests, shutdown). */
export async function settleViews(db: Db): Promise<void> {
  const set = pending.get(db);
  while (set && set.size > 0) await Promise.all([...set]);
}
