import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { ValueCycle } from '../../core/db/tables/value-stories.ts';
import { INDICATOR_VERBS, type VerbCount } from './value.measures.ts';

/** The rollup rows of the indicator verbs for these months (at most months × verbs × subject types). */
export async function indicatorCounts(db: Db, communityId: number, months: readonly string[]): Promise<VerbCount[]> {
  const rows = await db
    .selectFrom('analytics_verb_months')
    .select(['month', 'verb', 'subject_type', 'people'])
    .where('community_id', '=', communityId)
    .where('month', 'in', [...months])
    .where('verb', 'in', [...INDICATOR_VERBS])
    .execute();
  return rows.map((r) => ({ month: r.month, verb: r.verb, subjectType: r.subject_type, people: Number(r.people) }));
}

/** How many stories recorded in [from, to] reach each cycle. */
export async function storiesPerCycle(db: Db, communityId: number, from: string, to: string): Promise<Partial<Record<ValueCycle, number>>> {
  const rows = await db
    .selectFrom('value_story_cycles')
    .select((eb) => ['cycle', eb.fn.countAll<string | number>().as('n')])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .groupBy('cycle')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.cycle, Number(r.n)]));
}

/** The newest stories of [from, to] that reach a cycle (id and title). */
export async function newestInCycle(db: Db, communityId: number, cycle: ValueCycle, from: string, to: string, limit: number): Promise<Array<{ id: number; title: string }>> {
  const rows = await db
    .selectFrom('value_story_cycles')
    .innerJoin('value_stories', 'value_stories.id', 'value_story_cycles.story_id')
    .select(['value_stories.id', 'value_stories.title'])
    .where('value_story_cycles.community_id', '=', communityId)
    .where('value_story_cycles.cycle', '=', cycle)
    .where('value_story_cycles.created_at', '>=', from)
    .where('value_story_cycles.created_at', '<=', to)
    .orderBy('value_story_cycles.created_at', 'desc')
    .orderBy('value_stories.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title }));
}

/** Stories recorded per month 'YYYY-MM' in [from, to]. */
export async function storiesPerMonth(db: Db, communityId: number, from: string, to: string): Promise<Map<string, number>> {
  const month = sql<string>`substr(created_at, 1, 7)`;
  const rows = await db
    .selectFrom('value_stories')
    .select((eb) => [month.as('month'), eb.fn.countAll<string | number>().as('n')])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .groupBy(month)
    .execute();
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}

/** The ids of the stories of [from, to] with the most links (ties: newest first). */
export async function mostLinkedStoryIds(db: Db, communityId: number, from: string, to: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('value_stories')
    .innerJoin('value_story_links', 'value_story_links.story_id', 'value_stories.id')
    .select((eb) => ['value_stories.id', eb.fn.countAll<string | number>().as('links'), eb.fn.max('value_stories.created_at').as('at')])
    .where('value_stories.community_id', '=', communityId)
    .where('value_stories.created_at', '>=', from)
    .where('value_stories.created_at', '<=', to)
    .groupBy('value_stories.id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('at', 'desc')
    .orderBy('value_stories.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Members of the community with person accounts (staff and bots left out). */
export async function personMembers(db: Db, communityId: number): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('memberships.community_id', '=', communityId)
    .where('users.account_kind', '=', 'person')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
