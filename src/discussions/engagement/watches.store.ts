import type { Db } from '../../core/db/index.ts';
import type { WatchLevel } from '../../notifications/watch-levels.store.ts';

/** What a watch is on. */
export type WatchTarget = 'topic' | 'community';

/** Sets the user's level on a topic or community (replacing any earlier choice). */
export async function setWatch(db: Db, userId: number, target: WatchTarget, targetId: number, level: WatchLevel, at: string): Promise<void> {
  await db
    .insertInto('watches')
    .values({ user_id: userId, target_type: target, target_id: targetId, level, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doUpdateSet({ level, created_at: at }))
    .execute();
}

/** Forgets the user's choice, back to the default; false when there was none. */
export async function clearWatch(db: Db, userId: number, target: WatchTarget, targetId: number): Promise<boolean> {
  const r = await db.deleteFrom('watches').where('user_id', '=', userId).where('target_type', '=', target).where('target_id', '=', targetId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** The level the user chose for a topic or community, or null. */
export async function chosenWatch(db: Db, userId: number, target: WatchTarget, targetId: number): Promise<WatchLevel | null> {
  const r = await db.selectFrom('watches').select('level').where('user_id', '=', userId).where('target_type', '=', target).where('target_id', '=', targetId).executeTakeFirst();
  return r?.level ?? null;
}
