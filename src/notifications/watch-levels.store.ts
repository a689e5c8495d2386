import type { Db } from '../core/db/index.ts';
import type { WatchTable } from '../core/db/schema.ts';

/** How closely someone follows a topic or community. */
export type WatchLevel = WatchTable['level'];

/** A user's chosen levels for one topic and its community (undefined where they chose none). */
export interface ChosenLevels {
  topic?: WatchLevel;
  community?: WatchLevel;
}

/**
 * What a user hears about a topic: the level set on the topic wins over the community's, and with
 * neither they track it (mentions and replies to their own topics only).
 */
export function effectiveLevel(chosen: ChosenLevels | undefined): WatchLevel {
  return chosen?.topic ?? chosen?.community ?? 'track';
}

/** Every user who chose a level for this topic or its community, with what they chose. */
export async function chosenLevels(db: Db, topicId: number, communityId: number): Promise<Map<number, ChosenLevels>> {
  const rows = await db
    .selectFrom('watches')
    .select(['user_id', 'target_type', 'level'])
    .where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'topic'), eb('target_id', '=', topicId)]),
        eb.and([eb('target_type', '=', 'community'), eb('target_id', '=', communityId)]),
      ]),
    )
    .execute();
  const out = new Map<number, ChosenLevels>();
  for (const r of rows) {
    const levels = out.get(r.user_id) ?? {};
    levels[r.target_type] = r.level;
    out.set(r.user_id, levels);
  }
  return out;
}

/** Sets a level on a topic only when the user chose none for it (never overrides their choice). */
export async function watchIfUnset(db: Db, userId: number, topicId: number, level: WatchLevel, at: string): Promise<void> {
  await db
    .insertInto('watches')
    .values({ user_id: userId, target_type: 'topic', target_id: topicId, level, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_id']).doNothing())
    .execute();
}
