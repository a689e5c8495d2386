import type { Db } from '../../core/db/index.ts';
import type { DayRow, WeekRow } from './activity.series.ts';
import type { MonthResult, PersonMonth } from './participation.compute.ts';
import { monthRange } from '../period.ts';

/** Ids of accounts that are not people (staff, bots): left out of every series. */
export async function nonPersonIds(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('users').select('id').where('account_kind', '!=', 'person').execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** Each person member of a community and when they joined. */
export async function personMembers(db: Db, communityId: number): Promise<Map<number, string>> {
  const rows = await db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.user_id', 'm.created_at']).where('m.community_id', '=', communityId).where('u.account_kind', '=', 'person').execute();
  return new Map(rows.map((r) => [Number(r.user_id), r.created_at]));
}

/** People's analytics_member_months rows of a community for months in [first, last], grouped by month. */
export async function personMonths(db: Db, communityId: number, first: string, last: string): Promise<Map<string, PersonMonth[]>> {
  const rows = await db
    .selectFrom('analytics_member_months as mm')
    .innerJoin('users as u', 'u.id', 'mm.user_id')
    .select(['mm.user_id', 'mm.month', 'mm.contributions', 'mm.questions', 'mm.answers', 'mm.replies', 'mm.articles', 'mm.comments', 'mm.events', 'mm.reactions', 'mm.acts'])
    .where('mm.community_id', '=', communityId)
    .where('mm.month', '>=', first)
    .where('mm.month', '<=', last)
    .where('u.account_kind', '=', 'person')
    .execute();
  const out = new Map<string, PersonMonth[]>();
  for (const r of rows) {
    const list = out.get(r.month) ?? [];
    list.push({ userId: Number(r.user_id), month: r.month, contributions: Number(r.contributions), questions: Number(r.questions), answers: Number(r.answers), replies: Number(r.replies), articles: Number(r.articles), comments: Number(r.comments), events: Number(r.events), reactions: Number(r.reactions), acts: Number(r.acts) });
    out.set(r.month, list);
  }
  return out;
}

/** The first month with any activity in a community, and the months that have a summary. */
export async function summaryExtent(db: Db, communityId: number): Promise<{ firstMonth: string | null; summarised: Set<string> }> {
  const first = await db.selectFrom('analytics_member_months').select((eb) => eb.fn.min('month').as('m')).where('community_id', '=', communityId).executeTakeFirst();
  const rows = await db.selectFrom('analytics_community_months').select('month').where('community_id', '=', communityId).execute();
  return { firstMonth: first?.m ?? null, summarised: new Set(rows.map((r) => r.month)) };
}

/** Replaces the day rows of one month. */
export async function replaceDays(db: Db, communityId: number, month: string, days: readonly DayRow[]): Promise<void> {
  const { from, to } = monthRange(month);
  await db.deleteFrom('analytics_community_days').where('community_id', '=', communityId).where('day', '>=', from.slice(0, 10)).where('day', '<', to.slice(0, 10)).execute();
  if (days.length === 0) return;
  await db
    .insertInto('analytics_community_days')
    .values(days.map((d) => ({ community_id: communityId, day: d.day, active_members: d.activeMembers, contributors: d.contributors, contributions: d.contributions, posts: d.posts, questions: d.questions, answers: d.answers, articles: d.articles, events: d.events, joins: d.joins })))
    .execute();
}

/** Writes (replaces) week rows. */
export async function upsertWeeks(db: Db, communityId: number, weeks: readonly WeekRow[]): Promise<void> {
  for (const w of weeks) {
    await db
      .insertInto('analytics_community_weeks')
      .values({ community_id: communityId, week: w.week, active_members: w.activeMembers, contributors: w.contributors })
      .onConflict((oc) => oc.columns(['community_id', 'week']).doUpdateSet({ active_members: w.activeMembers, contributors: w.contributors }))
      .execute();
  }
}

/** Replaces one month's summary, level rows and flows. */
export async function replaceMonth(db: Db, communityId: number, r: MonthResult): Promise<void> {
  const s = r.summary;
  const key = { community_id: communityId, month: s.month };
  for (const t of ['analytics_community_months', 'analytics_member_levels', 'analytics_level_flows'] as const) await db.deleteFrom(t).where('community_id', '=', communityId).where('month', '=', s.month).execute();
  await db
    .insertInto('analytics_community_months')
    .values({
      ...key,
      members: s.members,
      new_members: s.newMembers,
      active_members: s.activeMembers,
      contributors: s.contributors,
      contributions: s.contributions,
      posts: s.posts,
      questions: s.questions,
      answers: s.answers,
      replies: s.replies,
      articles: s.articles,
      comments: s.comments,
      events: s.events,
      ...s.levels,
      inactive: s.inactive,
      moved_inward: s.movedInward,
      held: s.held,
      moved_outward: s.movedOutward,
      population: s.population,
      gini: s.gini,
      top1_share: s.top1Share,
      next9_share: s.next9Share,
      rest_share: s.restShare,
      zero_share: s.zeroShare,
      absence_factor: s.absenceFactor,
    })
    .execute();
  for (let i = 0; i < r.levels.length; i += 500) {
    await db
      .insertInto('analytics_member_levels')
      .values(r.levels.slice(i, i + 500).map((l) => ({ ...key, user_id: l.userId, level: l.level, contributions: l.contributions })))
      .execute();
  }
  if (r.flows.matrix.length > 0) await db.insertInto('analytics_level_flows').values(r.flows.matrix.map((f) => ({ ...key, from_level: f.from, to_level: f.to, members: f.members }))).execute();
}

/** Communities whose latest month summary is older than `month` (a new month began with no activity yet). */
export async function communitiesSummarisedBefore(db: Db, month: string): Promise<number[]> {
  const rows = await db
    .selectFrom('analytics_community_months')
    .select(['community_id', (eb) => eb.fn.max('month').as('last')])
    .groupBy('community_id')
    .having((eb) => eb.fn.max('month'), '<', month)
    .execute();
  return rows.map((r) => Number(r.community_id));
}
