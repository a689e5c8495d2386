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

/** Category counts of one dimension; the key '' holds everyone who gave no value (or hid it). */
export type DimensionCounts = { given: CategoryCount[]; notGiven: { members: number; contributors: number } };

/**
 * How a community's current members (people only) fall into the categories of one dimension, and how
 * many of each contributed in months `contributorsFrom`..`contributorsTo`. Profile fields are compared
 * trimmed and case-folded; an empty value or one its owner hid with 'only_me' is "not given". Grouped in
 * SQL: one row per category comes back, never one per member.
 */
export async function countDimension(db: Db, communityId: number, dimension: DimensionKey, opts: { now: Date; contributorsFrom: string; contributorsTo: string }): Promise<DimensionCounts> {
  const contributors = db
    .selectFrom('analytics_member_months')
    .select('user_id')
    .distinct()
    .where('community_id', '=', communityId)
    .where('month', '>=', opts.contributorsFrom)
    .where('month', '<=', opts.contributorsTo)
    .where('contributions', '>', 0);
  const cut = tenureCutoffs(opts.now);
  const field = dimension === 'tenure' ? null : (dimension satisfies ProfileDimension);
  const perMember = db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .leftJoin('profile_field_privacy as p', (j) => j.onRef('p.user_id', '=', 'u.id').on('p.field', '=', field ?? '').on('p.visibility', '=', 'only_me'))
    .leftJoin(contributors.as('c'), 'c.user_id', 'ms.user_id')
    .where('ms.community_id', '=', communityId)
    .where('u.account_kind', '=', 'person')
    .select([
      field
        ? sql<string>`case when p.user_id is null then lower(trim(${sql.ref(`u.${field}`)})) else '' end`.as('k')
        : sql<string>`case when ms.created_at > ${cut.under3} then 'under-3' when ms.created_at > ${cut.under12} then '3-12' when ms.created_at > ${cut.under24} then '12-24' else '24-plus' end`.as('k'),
      field ? sql<string>`case when p.user_id is null then trim(${sql.ref(`u.${field}`)}) else '' end`.as('label') : sql<string>`''`.as('label'),
      'c.user_id as contributor',
    ]);
  const rows = await db
    .selectFrom(perMember.as('x'))
    .select((eb) => ['x.k', eb.fn.min('x.label').as('label'), eb.fn.countAll<number>().as('members'), eb.fn.count<number>('x.contributor').as('contributors')])
    .groupBy('x.k')
    .execute();
  const out: DimensionCounts = { given: [], notGiven: { members: 0, contributors: 0 } };
  for (const r of rows) {
    const members = Number(r.members);
    const contributing = Number(r.contributors);
    if (r.k === '' || r.k === null) out.notGiven = { members: out.notGiven.members + members, contributors: out.notGiven.contributors + contributing };
    else out.given.push({ key: r.k, label: r.label || r.k, members, contributors: contributing });
  }
  return out;
}
