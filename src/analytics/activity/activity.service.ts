import type { Deps } from '../../core/deps.ts';
import type { AnalyticsCommunityDayTable, AnalyticsCommunityMonthTable } from '../../core/db/tables/analytics-activity.ts';
import { weekOf, type HealthWindow } from '../period.ts';
import { readDays, readMonthSummaries, readWeeks } from './activity.read.ts';
import type { DayRow, WeekRow } from './activity.series.ts';
import { LEVELS, type Level } from './levels.ts';
import { LONG_GAP_FACTOR, rhythmOf, type Gap } from './rhythm.ts';

/** A day and a week of the activity series, as they are kept (activity.series.ts folds them). */
export type DayFigures = DayRow;
export type WeekFigures = WeekRow;

export interface MonthFigures {
  month: string;
  members: number;
  newMembers: number;
  activeMembers: number;
  contributors: number;
  contributions: number;
  posts: number;
  questions: number;
  answers: number;
  replies: number;
  articles: number;
  comments: number;
  events: number;
}

export interface ActivityView {
  days: DayFigures[];
  weeks: WeekFigures[];
  months: MonthFigures[];
  rhythm: { activeDays: number; usualGapDays: number | null; factor: number; longGaps: Gap[] };
}

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Every day of the window, with zeros where the rollup has no row. */
function fillDays(rows: readonly AnalyticsCommunityDayTable[], window: HealthWindow): DayFigures[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DayFigures[] = [];
  for (let t = Date.parse(window.from); t <= Date.parse(window.to); t += DAY) {
    const day = isoDay(t);
    const r = byDay.get(day);
    out.push({ day, activeMembers: r?.active_members ?? 0, contributors: r?.contributors ?? 0, contributions: r?.contributions ?? 0, posts: r?.posts ?? 0, questions: r?.questions ?? 0, answers: r?.answers ?? 0, articles: r?.articles ?? 0, events: r?.events ?? 0, joins: r?.joins ?? 0 });
  }
  return out;
}

/** Month summaries for every month of the window (zeros where none was kept). */
export async function monthRows(deps: Deps, communityId: number, window: HealthWindow): Promise<Array<{ month: string; row: AnalyticsCommunityMonthTable | null }>> {
  const rows = await readMonthSummaries(deps.db, communityId, window.months[0]!, window.months[window.months.length - 1]!);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return window.months.map((month) => ({ month, row: byMonth.get(month) ?? null }));
}

/**
 * The activity and rhythm of a community over a window (docs/analytics/activity.md), read from the
 * rollups only: members active per day, week and month, what was made, and the rhythm (median gap
 * between days with a contribution; gaps over 3 × that flagged, the open one up to today too).
 */
export async function activityView(deps: Deps, communityId: number, window: HealthWindow): Promise<ActivityView> {
  const today = window.to.slice(0, 10);
  const days = fillDays(await readDays(deps.db, communityId, window.from.slice(0, 10), today), window);
  const firstWeek = weekOf(window.from);
  const weekRows = new Map((await readWeeks(deps.db, communityId, firstWeek, today)).map((w) => [w.week, w]));
  const weeks: WeekFigures[] = [];
  for (let t = Date.parse(`${firstWeek}T00:00:00Z`); t <= Date.parse(window.to); t += 7 * DAY) {
    const week = isoDay(t);
    weeks.push({ week, activeMembers: weekRows.get(week)?.active_members ?? 0, contributors: weekRows.get(week)?.contributors ?? 0 });
  }
  const months = (await monthRows(deps, communityId, window)).map(({ month, row: r }) => ({
    month,
    members: r?.members ?? 0,
    newMembers: r?.new_members ?? 0,
    activeMembers: r?.active_members ?? 0,
    contributors: r?.contributors ?? 0,
    contributions: r?.contributions ?? 0,
    posts: r?.posts ?? 0,
    questions: r?.questions ?? 0,
    answers: r?.answers ?? 0,
    replies: r?.replies ?? 0,
    articles: r?.articles ?? 0,
    comments: r?.comments ?? 0,
    events: r?.events ?? 0,
  }));
  const r = rhythmOf(days.filter((d) => d.contributions > 0).map((d) => d.day), today);
  return { days, weeks, months, rhythm: { activeDays: r.activeDays, usualGapDays: r.usualGap, factor: LONG_GAP_FACTOR, longGaps: r.longGaps } };
}

/** One month of `activitySummary`. */
export interface ActivitySummaryMonth {
  month: string;
  /** Person members at the end of the month. */
  members: number;
  /** People who did anything in the community that month. */
  activeMembers: number;
  /** People who contributed (asked, answered, replied, commented, wrote an article, hosted an event). */
  contributors: number;
  /** People who joined that month. */
  newMembers: number;
  contributions: number;
  /** People at the core level (trailing 3 months). */
  coreCount: number;
  /** People at each participation level (trailing 3 months). */
  levelCounts: Record<Level, number>;
  /** Members with no activity in the trailing 3 months. */
  inactive: number;
  /** Gini of contributions over the trailing 3 months (members with none included), 0–1. */
  gini: number;
  /** Fewest people who made half the contributions in the trailing 3 months. */
  absenceFactor: number;
}

/**
 * Headline series for the overview, lifecycle stage and sponsor report: one entry per
 * `window.months` month, oldest first, people only, zeros for months without activity. Reads the
 * month rollup only (refresh first with ensureFresh).
 */
export async function activitySummary(deps: Deps, communityId: number, window: HealthWindow): Promise<{ months: ActivitySummaryMonth[] }> {
  const rows = await monthRows(deps, communityId, window);
  return {
    months: rows.map(({ month, row: r }) => ({
      month,
      members: r?.members ?? 0,
      activeMembers: r?.active_members ?? 0,
      contributors: r?.contributors ?? 0,
      newMembers: r?.new_members ?? 0,
      contributions: r?.contributions ?? 0,
      coreCount: r?.core ?? 0,
      levelCounts: Object.fromEntries(LEVELS.map((l) => [l, r?.[l] ?? 0])) as Record<Level, number>,
      inactive: r?.inactive ?? 0,
      gini: r?.gini ?? 0,
      absenceFactor: r?.absence_factor ?? 0,
    })),
  };
}
