import { breathe, type Pace } from '../pace.ts';
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { monthOf, monthRange } from '../period.ts';
import type { ActivityRow, AnalyticsStep } from '../refresh.ts';

/**
 * Recounts one (community, month) of `analytics_verb_months` from the activity table (index
 * activity_community_time_idx): every verb and subject type, all actors and person accounts only.
 * Replaces what was there, so running it twice gives the same rows.
 */
export async function recountVerbMonth(db: Db, communityId: number, month: string): Promise<void> {
  const { from, to } = monthRange(month);
  const counts = await db
    .selectFrom('activity')
    .leftJoin('users', 'users.id', 'activity.actor_id')
    .select((eb) => [
      'activity.verb',
      'activity.subject_type',
      eb.fn.countAll<string | number>().as('n'),
      sql<string | number>`sum(case when ${eb.ref('users.account_kind')} = 'person' then 1 else 0 end)`.as('people'),
    ])
    .where('activity.community_id', '=', communityId)
    .where('activity.created_at', '>=', from)
    .where('activity.created_at', '<', to)
    .groupBy(['activity.verb', 'activity.subject_type'])
    .execute();
  await db.deleteFrom('analytics_verb_months').where('community_id', '=', communityId).where('month', '=', month).execute();
  if (counts.length === 0) return;
  await db
    .insertInto('analytics_verb_months')
    .values(counts.map((c) => ({ community_id: communityId, month, verb: c.verb, subject_type: c.subject_type, n: Number(c.n), people: Number(c.people ?? 0) })))
    .execute();
}

/**
 * The value step: keeps `analytics_verb_months`, a generic count of activity per community, month,
 * verb and subject type (the value matrix's automatic indicators read it; others may too). Each
 * refresh recounts every (community, month) its new rows touched — a backdated row lands in its month.
 */
export const valueStep: AnalyticsStep = {
  name: 'value',
  tables: ['analytics_verb_months'],
  begin(db: Db, _now?: Date, pace?: Pace) {
    const touched = new Map<string, { communityId: number; month: string }>();
    return {
      add(rows: readonly ActivityRow[]) {
        for (const r of rows) {
          if (r.communityId === null) continue;
          const month = monthOf(r.at);
          touched.set(`${r.communityId}|${month}`, { communityId: r.communityId, month });
        }
      },
      async finish() {
        if (touched.size === 0) return;
        for (const t of touched.values()) {
          await db.transaction().execute((tx) => recountVerbMonth(tx, t.communityId, t.month));
          await breathe(pace);
        }
      },
    };
  },
};
