import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { AnalyticsMilestoneTable, AnalyticsNewcomerReturnTable } from '../../core/db/tables/analytics-questions.ts';

/** SQL of newcomersStep: lookups it needs and its two min-keeping upserts. */

/** Join times of the given members, keyed `${communityId}:${userId}` (absent: not a member). */
export async function membershipTimes(db: Db, pairs: ReadonlyArray<{ communityId: number; userId: number }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byCommunity = new Map<number, Set<number>>();
  for (const p of pairs) {
    const set = byCommunity.get(p.communityId) ?? new Set<number>();
    set.add(p.userId);
    byCommunity.set(p.communityId, set);
  }
  for (const [communityId, users] of byCommunity) {
    const ids = [...users];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('memberships').select(['user_id', 'created_at']).where('community_id', '=', communityId).where('user_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) out.set(`${communityId}:${Number(r.user_id)}`, r.created_at);
    }
  }
  return out;
}

/** Kinds of the given topics ('question' | 'discussion'). */
export async function topicKinds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('topics').select(['id', 'kind']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.kind]));
}

/** Authors of the given posts. */
export async function postAuthors(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('posts').select(['id', 'author_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), Number(r.author_id)]));
}

/** Inserts milestones, keeping the earlier time where one is already stored (idempotent; backdated rows win). */
export async function saveMilestones(db: Db, rows: readonly AnalyticsMilestoneTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('analytics_milestones')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['community_id', 'user_id', 'step']).doUpdateSet({
          first_at: sql<string>`case when excluded.first_at < analytics_milestones.first_at then excluded.first_at else analytics_milestones.first_at end`,
        }),
      )
      .execute();
  }
}

/** The earlier of two nullable times in SQL: the stored column or the new (excluded) one. */
const earlier = (col: 'back_30_at' | 'back_90_at') =>
  sql<string | null>`case
    when analytics_newcomer_returns.joined_at <> excluded.joined_at then excluded.${sql.ref(col)}
    when excluded.${sql.ref(col)} is null then analytics_newcomer_returns.${sql.ref(col)}
    when analytics_newcomer_returns.${sql.ref(col)} is null or excluded.${sql.ref(col)} < analytics_newcomer_returns.${sql.ref(col)} then excluded.${sql.ref(col)}
    else analytics_newcomer_returns.${sql.ref(col)} end`;

/**
 * Inserts return times, keeping the earlier one per window; a row measured from another join time
 * (the member left and joined again) is replaced.
 */
export async function saveReturns(db: Db, rows: readonly AnalyticsNewcomerReturnTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('analytics_newcomer_returns')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['community_id', 'user_id']).doUpdateSet({ back_30_at: earlier('back_30_at'), back_90_at: earlier('back_90_at'), joined_at: sql<string>`excluded.joined_at` }))
      .execute();
  }
}
