import { breathe, type Pace } from '../pace.ts';
import type { Db } from '../../core/db/index.ts';
import type { AnalyticsStep, ActivityRow } from '../refresh.ts';
import { dayOf, monthOf, nextMonth, previousMonth, WINDOW_MAX } from '../period.ts';
import { foldMemberMonths } from './activity.classify.ts';
import { foldDays, foldWeeks, weeksOverlapping } from './activity.series.ts';
import { monthsOfMember, readCommunityActs, replaceMemberMonths } from './activity.store.ts';
import { summariseMonth } from './participation.compute.ts';
import { communitiesSummarisedBefore, nonPersonIds, personMembers, personMonths, replaceDays, replaceMonth, summaryExtent, upsertWeeks } from './series.store.ts';

/** A month's levels read three months back, and flows compare with the month before: a change reaches three months on. */
const REACH = 3;

/**
 * Keeps the activity rollups (docs/analytics/activity.md, participation.md). Every (community, month)
 * a new row falls in is recomputed whole from the `activity` table — member months, days, and the
 * weeks overlapping the month — so a backdated row lands in its own period and a refresh run twice
 * writes the same rows; then the month summaries (levels, flows, inequality) of that month and the
 * three after it, and of any month up to now that has none yet (also in communities with no new rows,
 * when a new month begins). A `user.kind_changed` row recomputes
 * every month the member acted in (the series count people only).
 */
export const activityStep: AnalyticsStep = {
  name: 'activity',
  tables: ['analytics_member_months', 'analytics_community_days', 'analytics_community_weeks', 'analytics_community_months', 'analytics_member_levels', 'analytics_level_flows'],
  begin(db: Db, now: Date, pace?: Pace) {
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
        const others = await nonPersonIds(db);
        const isPerson = (id: number) => !others.has(id);
        const current = monthOf(now.toISOString());
        // A new month with no activity yet still gets its summary (members, levels fading, inequality).
        for (const communityId of await communitiesSummarisedBefore(db, current)) if (!touched.has(communityId)) touched.set(communityId, new Set());
        for (const [communityId, months] of touched) {
          await db.transaction().execute((tx) => recomputeCommunity(tx, communityId, [...months].sort(), isPerson, current));
          await breathe(pace);
        }
      },
    };
  },
};

async function recomputeCommunity(db: Db, communityId: number, months: readonly string[], isPerson: (id: number) => boolean, current: string): Promise<void> {
  const joined = await personMembers(db, communityId);
  const joinDays = [...joined.values()].map(dayOf);
  for (const month of months) {
    const span = weeksOverlapping(month);
    const acts = await readCommunityActs(db, communityId, span.from, span.to);
    await replaceMemberMonths(db, communityId, month, foldMemberMonths(communityId, acts, new Set([month])));
    await replaceDays(db, communityId, month, foldDays(acts, month, isPerson, joinDays));
    await upsertWeeks(db, communityId, foldWeeks(acts, span.weeks, isPerson));
  }
  const summaries = await monthsToSummarise(db, communityId, months, current);
  if (summaries.length === 0) return;
  let first = summaries[0]!;
  for (let i = 0; i < REACH; i += 1) first = previousMonth(first);
  const byMonth = await personMonths(db, communityId, first, summaries[summaries.length - 1]!);
  for (const month of summaries) await replaceMonth(db, communityId, summariseMonth(month, byMonth, joined));
}

/** Each touched month and the three after it (not past the current month), and every month up to now without a summary. */
async function monthsToSummarise(db: Db, communityId: number, touched: readonly string[], current: string): Promise<string[]> {
  const out = new Set<string>();
  for (const m of touched) {
    out.add(m);
    let next = m;
    for (let i = 0; i < REACH && next < current; i += 1) out.add((next = nextMonth(next)));
  }
  const { firstMonth, summarised } = await summaryExtent(db, communityId);
  // Quiet months are filled in as far back as a dashboard can show (an odd ancient row does not fill decades).
  let oldest = current;
  for (let i = 0; i < WINDOW_MAX + REACH; i += 1) oldest = previousMonth(oldest);
  if (firstMonth) for (let m = firstMonth < oldest ? oldest : firstMonth; m <= current; m = nextMonth(m)) if (!summarised.has(m)) out.add(m);
  return [...out].sort();
}
