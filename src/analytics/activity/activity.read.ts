import type { Db } from '../../core/db/index.ts';
import type { AnalyticsCommunityDayTable, AnalyticsCommunityMonthTable, AnalyticsCommunityWeekTable } from '../../core/db/tables/analytics-activity.ts';
import type { Level, Place } from './levels.ts';

/** Numbers come back as strings from PostgreSQL: every numeric column through Number(). */
function numbers<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' && k !== 'month' && k !== 'day' && k !== 'week' ? Number(v) : v;
  return out as T;
}

/** The month summaries of a community in [first, last] (at most 36 rows). */
export async function readMonthSummaries(db: Db, communityId: number, first: string, last: string): Promise<AnalyticsCommunityMonthTable[]> {
  const rows = await db.selectFrom('analytics_community_months').selectAll().where('community_id', '=', communityId).where('month', '>=', first).where('month', '<=', last).orderBy('month').execute();
  return rows.map(numbers);
}

/** The day rows of a community in [first, last] (days with nothing have no row). */
export async function readDays(db: Db, communityId: number, first: string, last: string): Promise<AnalyticsCommunityDayTable[]> {
  const rows = await db.selectFrom('analytics_community_days').selectAll().where('community_id', '=', communityId).where('day', '>=', first).where('day', '<=', last).orderBy('day').execute();
  return rows.map(numbers);
}

/** The week rows of a community whose Monday is in [first, last]. */
export async function readWeeks(db: Db, communityId: number, first: string, last: string): Promise<AnalyticsCommunityWeekTable[]> {
  const rows = await db.selectFrom('analytics_community_weeks').selectAll().where('community_id', '=', communityId).where('week', '>=', first).where('week', '<=', last).orderBy('week').execute();
  return rows.map(numbers);
}

/** Level changes into `month` from the month before. */
export async function readFlows(db: Db, communityId: number, month: string): Promise<Array<{ from: Place; to: Place; members: number }>> {
  const rows = await db.selectFrom('analytics_level_flows').select(['from_level', 'to_level', 'members']).where('community_id', '=', communityId).where('month', '=', month).execute();
  return rows.map((r) => ({ from: r.from_level as Place, to: r.to_level as Place, members: Number(r.members) }));
}

/** A named member with their trailing contributions (stewards' views only). */
export interface PlacedMember {
  id: number;
  username: string;
  displayName: string;
  level: Level;
  contributions: number;
}

/**
 * People at one level in `month`, most contributions first (at most `limit`); all levels when
 * `level` is null.
 */
export async function readPlacedMembers(db: Db, communityId: number, month: string, level: Level | null, limit: number): Promise<PlacedMember[]> {
  let q = db
    .selectFrom('analytics_member_levels as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'l.level', 'l.contributions'])
    .where('l.community_id', '=', communityId)
    .where('l.month', '=', month);
  if (level) q = q.where('l.level', '=', level);
  const rows = await q.orderBy('l.contributions', 'desc').orderBy('u.id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), username: r.username, displayName: r.display_name, level: r.level as Level, contributions: Number(r.contributions) }));
}
