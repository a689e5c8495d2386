import type { Db } from '../../core/db/index.ts';
import type { AnalyticsStep, ActivityRow } from '../refresh.ts';
import { monthOf, monthRange } from '../period.ts';
import { foldMemberMonths } from './activity.classify.ts';
import { monthsOfMember, readCommunityActs, replaceMemberMonths } from './activity.store.ts';

/**
 * Keeps the activity rollups (docs/analytics/activity.md): every (community, month) a new row falls
 * in is recomputed whole from the `activity` table, so a backdated row lands in its own month and
 * a refresh run twice writes the same rows. A `user.kind_changed` row recomputes every month the
 * member acted in (the series count people only).
 */
export const activityStep: AnalyticsStep = {
  name: 'activity',
  tables: ['analytics_member_months'],
  begin(db: Db) {
    const touched = new Map<number, Set<string>>();
    const kindChanged = new Set<number>();
    const touch = (communityId: number, month: string) => {
      let s = touched.get(communityId);
      if (!s) touched.set(communityId, (s = new Set()));
      s.add(month);
    };
    return {
      add(rows: readonly ActivityRow[]) {
        for (const r of rows) {
          if (r.verb === 'user.kind_changed' && r.subjectId !== null) kindChanged.add(r.subjectId);
          if (r.communityId !== null) touch(r.communityId, monthOf(r.at));
        }
      },
      async finish() {
        for (const userId of kindChanged) for (const t of await monthsOfMember(db, userId)) touch(t.communityId, t.month);
        for (const [communityId, months] of touched) {
          await db.transaction().execute(async (tx) => {
            for (const month of [...months].sort()) await recomputeMemberMonth(tx, communityId, month);
          });
        }
      },
    };
  },
};

/** Rewrites one community's analytics_member_months rows for one month from the activity table. */
export async function recomputeMemberMonth(db: Db, communityId: number, month: string): Promise<void> {
  const { from, to } = monthRange(month);
  const acts = await readCommunityActs(db, communityId, from, to);
  await replaceMemberMonths(db, communityId, month, foldMemberMonths(communityId, acts, new Set([month])));
}
