import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { Database } from '../../core/db/schema.ts';
import type { MentoringAvailability } from '../../core/db/tables/profiles.ts';
import { fieldVisibleSql, type Viewer } from '../profiles/privacy.ts';

/** The filters of the expert finder, already checked. */
export interface FinderFilters {
  communityId?: number;
  location?: string;
  timeZone?: string;
  mentoring?: MentoringAvailability[];
}

/** A finder candidate's profile fields (null where hidden from the viewer). */
export interface CandidateRow {
  id: number;
  username: string;
  displayName: string;
  headline: string | null;
  location: string | null;
  timeZone: string | null;
  mentoring: MentoringAvailability | null;
}

function likePattern(q: string) {
  return sql<string>`${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}

/** Text fields free text is matched in (each only where the viewer may see it). */
export const TEXT_FIELDS = ['headline', 'discipline', 'interests', 'ask_me_about'] as const;

/**
 * Members passing the filters, among `ids` when given. A filter on a field the member hid from the
 * viewer never matches (hidden fields are not searchable).
 */
export async function filterCandidates(db: Db, viewer: Viewer, f: FinderFilters, ids: number[] | null, limit: number): Promise<CandidateRow[]> {
  if (ids !== null && ids.length === 0) return [];
  let q = db.selectFrom('users').select(['users.id', 'users.username', 'users.display_name', 'users.headline', 'users.location', 'users.time_zone', 'users.mentoring_availability']);
  if (ids !== null) q = q.where('users.id', 'in', ids);
  if (f.communityId !== undefined) q = q.where('users.id', 'in', db.selectFrom('memberships').select('memberships.user_id').where('memberships.community_id', '=', f.communityId));
  if (f.location) {
    const p = likePattern(f.location);
    q = q.where((eb) => eb.and([eb(sql`lower(users.location)`, 'like', p), fieldVisibleSql(eb, viewer, 'location')]));
  }
  if (f.timeZone) q = q.where((eb) => eb.and([eb('users.time_zone', '=', f.timeZone ?? ''), fieldVisibleSql(eb, viewer, 'time_zone')]));
  if (f.mentoring) q = q.where((eb) => eb.and([eb('users.mentoring_availability', 'in', f.mentoring ?? []), fieldVisibleSql(eb, viewer, 'mentoring_availability')]));
  const rows = await q.select((eb) => [
    sql<number>`case when ${fieldVisibleSql(eb, viewer, 'headline')} then 1 else 0 end`.as('headline_ok'),
    sql<number>`case when ${fieldVisibleSql(eb, viewer, 'location')} then 1 else 0 end`.as('location_ok'),
    sql<number>`case when ${fieldVisibleSql(eb, viewer, 'time_zone')} then 1 else 0 end`.as('tz_ok'),
    sql<number>`case when ${fieldVisibleSql(eb, viewer, 'mentoring_availability')} then 1 else 0 end`.as('mentoring_ok'),
  ]).orderBy('users.id').limit(limit).execute();
  const ok = (v: unknown) => v === true || v === 1 || v === '1';
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    headline: ok(r.headline_ok) ? r.headline : null,
    location: ok(r.location_ok) ? r.location : null,
    timeZone: ok(r.tz_ok) ? r.time_zone : null,
    mentoring: ok(r.mentoring_ok) ? r.mentoring_availability : null,
  }));
}

/** Members whose name, username or a visible text field contains `text`, with the fields that matched (at most `limit`). */
export async function textMatches(db: Db, viewer: Viewer, text: string, limit: number): Promise<Map<number, string[]>> {
  const p = likePattern(text);
  const like = (col: string) => (eb: ExpressionBuilder<Database, 'users'>) => eb(sql`lower(${sql.ref(col)})`, 'like', p);
  const rows = await db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      eb.or([like('users.display_name')(eb), like('users.username')(eb)]).as('name'),
      ...TEXT_FIELDS.map((c) => eb.and([like(`users.${c}`)(eb), fieldVisibleSql(eb, viewer, c)]).as(c)),
    ])
    .where((eb) => eb.or([like('users.display_name')(eb), like('users.username')(eb), ...TEXT_FIELDS.map((c) => eb.and([like(`users.${c}`)(eb), fieldVisibleSql(eb, viewer, c)]))]))
    .limit(limit)
    .execute();
  const ok = (v: unknown) => v === true || v === 1 || v === '1';
  return new Map(rows.map((r) => [r.id, (['name', ...TEXT_FIELDS] as const).filter((k) => ok((r as Record<string, unknown>)[k]))]));
}

/** Members who declared one of the skill keys, where the viewer may see their skills. */
export async function declaredSkillHolders(db: Db, viewer: Viewer, keys: string[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('user_skills')
    .innerJoin('users', 'users.id', 'user_skills.user_id')
    .select('user_skills.user_id')
    .distinct()
    .where('user_skills.skill_key', 'in', keys)
    .where((eb) => fieldVisibleSql(eb as unknown as ExpressionBuilder<Database, 'users'>, viewer, 'skills'))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Members with the most demonstrated evidence weight in the given communities (for a search without a term). */
export async function topEvidenceHolders(db: Db, communityIds: number[], limit: number): Promise<number[]> {
  if (communityIds.length === 0) return [];
  const rows = await db.selectFrom('expertise_evidence').select(['user_id', sql<number>`sum(weight)`.as('w')]).where('community_id', 'in', communityIds).where('weight', '>', 0).groupBy('user_id').orderBy(sql`sum(weight)`, 'desc').orderBy('user_id').limit(limit).execute();
  return rows.map((r) => r.user_id);
}
