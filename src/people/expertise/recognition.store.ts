import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import { liveEvidence as live } from './expertise.store.ts';

const repSum = sql<number>`sum(e.points)`;


/** A member's reputation per community, over the given communities only (highest first). */
export async function reputationByCommunity(db: Db, userId: number, communityIds: number[]): Promise<Array<{ communityId: number; slug: string; name: string; reputation: number }>> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('expertise_evidence as e')
    .innerJoin('communities as c', 'c.id', 'e.community_id')
    .select(['c.id', 'c.slug', 'c.name', repSum.as('rep')])
    .where('e.user_id', '=', userId)
    .where('e.community_id', 'in', communityIds)
    .where(live)
    .groupBy(['c.id', 'c.slug', 'c.name'])
    .execute();
  return rows.map((r) => ({ communityId: r.id, slug: r.slug, name: r.name, reputation: Number(r.rep) })).filter((r) => r.reputation !== 0).sort((a, b) => b.reputation - a.reputation || a.slug.localeCompare(b.slug));
}

/** A leaderboard row: competition rank (ties share it). */
export interface LeaderRow {
  userId: number;
  username: string;
  displayName: string;
  reputation: number;
  rank: number;
}

/**
 * Members of a community with positive reputation there, highest first (ties by id), `limit` rows
 * after the keyset cursor (v = reputation, id = user id), each with its rank computed in the same
 * single aggregate query (a window over the sums). Former members drop out.
 */
export async function listLeaders(db: Db, communityId: number, opts: { after: Cursor | null; limit: number }): Promise<LeaderRow[]> {
  const sums = db
    .selectFrom('expertise_evidence as e')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'e.user_id').onRef('m.community_id', '=', 'e.community_id'))
    .select(['e.user_id', repSum.as('rep'), sql<number>`rank() over (order by sum(e.points) desc)`.as('rank')])
    .where('e.community_id', '=', communityId)
    .where(live)
    .groupBy('e.user_id')
    .having(repSum, '>', 0)
    .as('l');
  let q = db.selectFrom(sums).innerJoin('users as u', 'u.id', 'l.user_id').select(['u.id', 'u.username', 'u.display_name', 'l.rep', 'l.rank']);
  if (opts.after) {
    const v = Number(opts.after.v);
    const id = opts.after.id;
    q = q.where((eb) => eb.or([eb('l.rep', '<', v), eb.and([eb('l.rep', '=', v), eb('u.id', '>', id)])]));
  }
  const rows = await q.orderBy('l.rep', 'desc').orderBy('u.id').limit(opts.limit).execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, reputation: Number(r.rep), rank: Number(r.rank) }));
}

/** Is the community's leaderboard on (the default)? */
export async function leaderboardEnabled(db: Db, communityId: number): Promise<boolean> {
  const r = await db.selectFrom('community_recognition_settings').select('leaderboard_enabled').where('community_id', '=', communityId).executeTakeFirst();
  return r ? r.leaderboard_enabled === 1 : true;
}

/** Which of the communities have their leaderboard on (one query, for lists). */
export async function leaderboardsEnabled(db: Db, communityIds: number[]): Promise<Set<number>> {
  if (communityIds.length === 0) return new Set();
  const off = await db.selectFrom('community_recognition_settings').select('community_id').where('community_id', 'in', communityIds).where('leaderboard_enabled', '=', 0).execute();
  const offIds = new Set(off.map((r) => r.community_id));
  return new Set(communityIds.filter((id) => !offIds.has(id)));
}

/** Turns the leaderboard on or off (upsert of the settings row). */
export async function saveLeaderboardEnabled(db: Db, communityId: number, enabled: boolean, by: number | null, at: string): Promise<void> {
  await db
    .insertInto('community_recognition_settings')
    .values({ community_id: communityId, leaderboard_enabled: enabled ? 1 : 0, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ leaderboard_enabled: enabled ? 1 : 0, updated_at: at, updated_by: by }))
    .execute();
}
