import { breathe } from '../pace.ts';
import { monthOf, nextMonth } from '../period.ts';
import type { AnalyticsStep } from '../refresh.ts';
import { monthsOfUser, recomputeInclusionMonth } from './inclusion.store.ts';

const DAY = 86_400_000;

/**
 * Keeps `analytics_inclusion_months` (newcomer voice) from `analytics_member_months`, which the activity
 * step (run before this one) has just brought up to date. It recomputes every (community, month) the new
 * rows touch; a join also touches the months in which the member counts as a newcomer (their joining
 * month through the month 90 days later), and a `user.kind_changed` row every month the user has figures
 * in, so marking an account as staff or a bot takes it out of past months too. Idempotent.
 */
export const inclusionStep: AnalyticsStep = {
  name: 'inclusion',
  tables: ['analytics_inclusion_months'],
  begin(db, now, pace) {
    const current = monthOf(now.toISOString());
    const touched = new Map<number, Set<string>>();
    const kindChanged = new Set<number>();
    const touch = (communityId: number, month: string) => {
      const months = touched.get(communityId) ?? new Set<string>();
      months.add(month);
      touched.set(communityId, months);
    };
    return {
      add(rows) {
        for (const r of rows) {
          if (r.verb === 'user.kind_changed' && r.subjectId !== null) kindChanged.add(r.subjectId);
          if (r.communityId === null) continue;
          touch(r.communityId, monthOf(r.at));
          if (r.verb === 'community.joined') {
            const last = monthOf(new Date(Date.parse(r.at) + 90 * DAY).toISOString());
            for (let m = monthOf(r.at); m <= last && m <= current; m = nextMonth(m)) touch(r.communityId, m);
          }
        }
      },
      async finish() {
        if (touched.size === 0 && kindChanged.size === 0) return;
        for (const userId of kindChanged) for (const p of await monthsOfUser(db, userId)) touch(p.communityId, p.month);
        // One transaction per community and month (each recompute is whole in itself), giving way between them.
        for (const [communityId, months] of touched) {
          for (const month of months) {
            await db.transaction().execute((tx) => recomputeInclusionMonth(tx, communityId, month));
            await breathe(pace);
          }
        }
      },
    };
  },
};
