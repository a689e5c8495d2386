import { sql, type Expression } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { AnalyticsInclusionMonthTable } from '../../core/db/tables/analytics-inclusion.ts';
import { newcomerSince, tenureCutoffs, type CategoryCount, type DimensionKey, type ProfileDimension } from './inclusion.measures.ts';

/** One month of the newcomer voice rollup. */
export type InclusionMonth = Omit<AnalyticsInclusionMonthTable, 'community_id'>;

/**
 * Recomputes one (community, month) of `analytics_inclusion_months` from `analytics_member_months`
 * (people only; newcomer = membership began on or after 90 days before the month). Idempotent.
 */
export async function recomputeInclusionMonth(db: Db, communityId: number, month: string): Promise<void> {
  const since = newcomerSince(month);
  const r = await db
    .selectFrom('analytics_member_months as mm')
    .innerJoin('users as u', 'u.id', 'mm.user_id')
    .leftJoin('memberships as ms', (j) => j.onRef('ms.community_id', '=', 'mm.community_id').onRef('ms.user_id', '=', 'mm.user_id'))
    .where('mm.community_id', '=', communityId)
    .where('mm.month', '=', month)
    .where('u.account_kind', '=', 'person')
    .select((eb) => {
      const newcomer = eb('ms.created_at', '>=', since);
      const count = (cond: Expression<unknown>) => eb.fn.sum<number>(eb.case().when(cond as never).then(1).else(0).end());
      return [
        count(eb('mm.acts', '>', 0)).as('active'),
        count(eb.and([eb('mm.acts', '>', 0), newcomer])).as('newcomer_active'),
        count(eb('mm.contributions', '>', 0)).as('contributors'),
        count(eb.and([eb('mm.contributions', '>', 0), newcomer])).as('newcomer_contributors'),
        eb.fn.sum<number>('mm.contributions').as('contributions'),
        eb.fn.sum<number>(eb.case().when(newcomer).then(eb.ref('mm.contributions')).else(0).end()).as('newcomer_contributions'),
      ];
    })
    .executeTakeFirst();
  const values = {
    active: Number(r?.active ?? 0),
    newcomer_active: Number(r?.newcomer_active ?? 0),
    contributors: Number(r?.contributors ?? 0),
    newcomer_contributors: Number(r?.newcomer_contributors ?? 0),
    contributions: Number(r?.contributions ?? 0),
    newcomer_contributions: Number(r?.newcomer_contributions ?? 0),
  };
  await db
    .insertInto('analytics_inclusion_months')
    .values({ community_id: communityId, month, ...values })
    .onConflict((oc) => oc.columns(['community_id', 'month']).doUpdateSet(values))
    .execute();
}

/**
 * The (community, month) pairs in which a user has rollup rows: the months to recompute when their
 * account kind changes. Looks in the communities they belong to or acted in (both indexed by user).
 */
export async function monthsOfUser(db: Db, userId: number): Promise<Array<{ communityId: number; month: string }>> {
  const member = await db.selectFrom('memberships').select('community_id').where('user_id', '=', userId).execute();
  const acted = await db.selectFrom('activity').select('community_id').distinct().where('actor_id', '=', userId).where('community_id', 'is not', null).execute();
  const communities = [...new Set([...member, ...acted].map((r) => Number(r.community_id)))];
  const out: Array<{ communityId: number; month: string }> = [];
  for (const communityId of communities) {
    const rows = await db.selectFrom('analytics_member_months').select('month').where('community_id', '=', communityId).where('user_id', '=', userId).execute();
    for (const r of rows) out.push({ communityId, month: r.month });
  }
  return out;
}

/** The newcomer voice rollup of a community for months `from`..`to` ('YYYY-MM', inclusive), oldest first. */
export async function listInclusionMonths(db: Db, communityId: number, from: string, to: string): Promise<InclusionMonth[]> {
  const rows = await db
    .selectFrom('analytics_inclusion_months')
    .select(['month', 'active', 'newcomer_active', 'contributors', 'newcomer_contributors', 'contributions', 'newcomer_contributions'])
    .where('community_id', '=', communityId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    active: Number(r.active),
    newcomer_active: Number(r.newcomer_active),
    contributors: Number(r.contributors),
    newcomer_contributors: Number(r.newcomer_contributors),
    contributions: Number(r.contributions),
    newcomer_contributions: Number(r.newcomer_contributions),
  }));
}

/** Category counts of one dimension; `notGiven` holds everyone who gave no value (or hid it). */
export type DimensionCounts = { given: CategoryCount[]; notGiven: { members: number; contributors: number } };

const PROFILE_DIMENSIONS: readonly ProfileDimension[] = ['discipline', 'location', 'org_unit'];

/**
 * How a community's current members (people only) fall into the categories of each dimension, and how
 * many of each contributed in months `contributorsFrom`..`contributorsTo`. Profile fields are compared
 * trimmed and case-folded; an empty value or one its owner hid with 'only_me' is "not given". One
 * statement: a materialised per-member row set, grouped four ways, so one row per distinct value comes
 * back, never one per member. The "hidden" and "contributed" tests are uncorrelated IN subqueries on
 * purpose: both databases compute each once (PostgreSQL a hashed subplan, SQLite an ephemeral index),
 * where a correlated EXISTS pushed PostgreSQL's cost estimate into JIT compilation and a join to a
 * derived table made SQLite (without statistics) loop over every pair.
 */
export async function countDimensions(db: Db, communityId: number, opts: { now: Date; contributorsFrom: string; contributorsTo: string }): Promise<Record<DimensionKey, DimensionCounts>> {
  const cut = tenureCutoffs(opts.now);
  const value = (field: ProfileDimension) =>
    sql`case when u.id in (select user_id from profile_field_privacy where field = ${field} and visibility = 'only_me') then '' else trim(${sql.ref(`u.${field}`)}) end as ${sql.ref(field)}`;
  const grouped = (dimension: DimensionKey) => sql`select ${dimension} as dimension, ${sql.ref(dimension)} as v, count(*) as members, sum(contributor) as contributors from per_member group by ${sql.ref(dimension)}`;
  const result = await sql<{ dimension: DimensionKey; v: string | null; members: number | string; contributors: number | string | null }>`
    with per_member as materialized (
      select
        ${sql.join(PROFILE_DIMENSIONS.map(value))},
        case when ms.created_at > ${cut.under3} then 'under-3' when ms.created_at > ${cut.under12} then '3-12' when ms.created_at > ${cut.under24} then '12-24' else '24-plus' end as tenure,
        case when ms.user_id in (
          select user_id from analytics_member_months
          where community_id = ${communityId} and month >= ${opts.contributorsFrom} and month <= ${opts.contributorsTo} and contributions > 0
        ) then 1 else 0 end as contributor
      from memberships ms
      join users u on u.id = ms.user_id
      where ms.community_id = ${communityId} and u.account_kind = 'person'
    )
    ${sql.join([...PROFILE_DIMENSIONS, 'tenure' as const].map(grouped), sql` union all `)}
  `.execute(db);
  const out = {} as Record<DimensionKey, DimensionCounts>;
  for (const dimension of [...PROFILE_DIMENSIONS, 'tenure' as const]) {
    const rows = result.rows.filter((r) => r.dimension === dimension);
    const notGiven = { members: 0, contributors: 0 };
    // Case-folded here rather than with SQL lower(), which is slower and differs by collation.
    const byKey = new Map<string, { key: string; members: number; contributors: number; spellings: Array<[string, number]> }>();
    for (const r of rows) {
      const members = Number(r.members);
      const contributing = Number(r.contributors ?? 0);
      if (!r.v) {
        notGiven.members += members;
        notGiven.contributors += contributing;
        continue;
      }
      const key = r.v.toLowerCase();
      const c = byKey.get(key) ?? { key, members: 0, contributors: 0, spellings: [] };
      c.members += members;
      c.contributors += contributing;
      c.spellings.push([r.v, members]);
      byKey.set(key, c);
    }
    // Each category is labelled with its most common spelling (ties: the first in code-point order).
    const label = (sp: Array<[string, number]>) => sp.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
    out[dimension] = { given: [...byKey.values()].map((c) => ({ key: c.key, label: label(c.spellings), members: c.members, contributors: c.contributors })), notGiven };
  }
  return out;
}
