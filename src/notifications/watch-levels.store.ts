import { sql } from 'kysely';
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

/**
 * Every user who chose a level for this topic or its community, with what they chose. With
 * `heardOrAsked`, only those who chose `watch` or `mute` on either (the ones a new post may change
 * anything for), plus the users listed: a busy topic has many who merely track it, and reading them
 * all on every post costs (issue 6). Their candidates come from the (target, level) index, then each
 * candidate's two rows by primary key (a user listed twice gives the same rows twice: harmless).
 */
export async function chosenLevels(db: Db, topicId: number, communityId: number, opts: { heardOrAsked?: readonly number[] } = {}): Promise<Map<number, ChosenLevels>> {
  const targets = (w: string) => sql`((${sql.ref(`${w}.target_type`)} = 'topic' and ${sql.ref(`${w}.target_id`)} = ${topicId}) or (${sql.ref(`${w}.target_type`)} = 'community' and ${sql.ref(`${w}.target_id`)} = ${communityId}))`;
  let rows: Array<{ user_id: number; target_type: 'topic' | 'community'; level: WatchLevel }>;
  if (opts.heardOrAsked) {
    const heard = (type: string, id: number) => sql`select user_id from watches where target_type = ${type} and target_id = ${id} and level in ('watch', 'mute')`;
    const asked = [...new Set(opts.heardOrAsked)].map((id) => sql` union all select cast(${id} as integer)`);
    // Materialized first: with `from (…) u join watches w` PostgreSQL may read a busy topic's watchers and
    // re-run the candidate scans for each of them (10 ms with 200 watchers and stale statistics).
    const res = await sql<(typeof rows)[number]>`with u as materialized (${heard('topic', topicId)} union all ${heard('community', communityId)}${sql.join(asked, sql``)})
      select w.user_id, w.target_type, w.level from u join watches w on w.user_id = u.user_id and ${targets('w')}`.execute(db);
    rows = res.rows;
  } else {
    rows = (await sql<(typeof rows)[number]>`select w.user_id, w.target_type, w.level from watches w where ${targets('w')}`.execute(db)).rows;
  }
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
