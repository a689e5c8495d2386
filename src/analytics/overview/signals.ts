import type { OverviewMonth } from './inputs.ts';

/** A warning sign on a community's health, with the figure that raised it. */
export interface Signal {
  key: 'activity_falling' | 'unanswered' | 'concentrated' | 'slow_response' | 'knowledge_at_risk' | 'newcomers_leave';
  text: string;
}

/** Thresholds of the health signals (docs/analytics.md, "Health signals"). */
export const SIGNAL_RULES = {
  /** Contributions in the last 3 months at least this much below the 3 before. */
  activityDrop: 0.25,
  /** More than this share of questions 48 h old without a response (last 3 months). */
  unansweredShare: 0.25,
  /** Half the contributions come from this many people or fewer while at least 10 people are active. */
  absenceFactor: 2,
  /** Median first response slower than this many hours (last 3 months). */
  slowHours: 48,
  /** Fewer than this share of a cohort still active 90–179 days after joining. */
  retention90: 0.2,
} as const;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const lastValue = <T,>(xs: ReadonlyArray<T | null>): T | null => {
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] !== null) return xs[i]!;
  return null;
};

/**
 * The warning signs in the latest months of `months` (oldest first): each rule reads the last three
 * months (and the three before for a trend). An empty list means no sign of trouble the stream can see.
 */
export function healthSignals(months: readonly OverviewMonth[], atRiskTags: number): Signal[] {
  const R = SIGNAL_RULES;
  const out: Signal[] = [];
  const last3 = months.slice(-3);
  const prior3 = months.slice(-6, -3);
  const recent = sum(last3.map((m) => m.contributions));
  const earlier = sum(prior3.map((m) => m.contributions));
  if (earlier > 0 && recent <= earlier * (1 - R.activityDrop)) out.push({ key: 'activity_falling', text: `Contributions fell ${pct(1 - recent / earlier)} on the three months before (${recent} vs ${earlier}).` });
  const unanswered = lastValue(last3.map((m) => m.unanswered48hShare));
  if (unanswered !== null && unanswered > R.unansweredShare) out.push({ key: 'unanswered', text: `${pct(unanswered)} of questions had no response within 48 hours.` });
  const slow = lastValue(last3.map((m) => m.medianFirstResponseHours));
  if (slow !== null && slow > R.slowHours) out.push({ key: 'slow_response', text: `The median first response took ${slow.toFixed(1)} hours.` });
  const latest = months[months.length - 1];
  if (latest && latest.activeMembers >= 10 && latest.absenceFactor > 0 && latest.absenceFactor <= R.absenceFactor) out.push({ key: 'concentrated', text: `Half of all contributions come from ${latest.absenceFactor} ${latest.absenceFactor === 1 ? 'person' : 'people'}.` });
  if (atRiskTags > 0) out.push({ key: 'knowledge_at_risk', text: `${atRiskTags} ${atRiskTags === 1 ? 'tag’s' : 'tags’'} expertise rests with people who have gone quiet.` });
  const retention = lastValue(months.map((m) => m.retention90));
  if (retention !== null && retention < R.retention90) out.push({ key: 'newcomers_leave', text: `Only ${pct(retention)} of the latest measurable newcomer cohort was still active 90 days after joining.` });
  return out;
}
