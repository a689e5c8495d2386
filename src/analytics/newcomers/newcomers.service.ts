import type { Deps } from '../../core/deps.ts';
import { monthOf, type HealthWindow } from '../period.ts';
import { daysBetween, daysToFirstContribution, median, RETURN_30, RETURN_90, standing, STEPS, windowPassed, type Standing, type Step } from './newcomers.measures.ts';
import { activeNewcomersByMonth, listNewcomerMilestones, listNewcomers, type NewcomerRow } from './newcomers.store.ts';

/** How many reached one step of the trajectory, and how long it took. */
export interface FunnelStep {
  step: Step;
  reached: number;
  /** reached / newcomers (0–1), null when nobody joined. */
  share: number | null;
  medianDaysFromJoining: number | null;
  /** Median days from the step before it in the trajectory, over newcomers who reached both (0 when reached out of order). */
  medianDaysFromPreviousStep: number | null;
}

/** Retention of one join-month cohort (null shares while its window has not passed for anyone). */
export interface Cohort {
  month: string;
  joined: number;
  /** True when the 30- (90-) day figure of fewer than MIN_COHORT newcomers was left out for a reader who may not see individuals. */
  withheld30?: boolean;
  withheld90?: boolean;
  eligible30: number;
  retained30: number;
  retention30: number | null;
  eligible90: number;
  retained90: number;
  retention90: number | null;
}

/** Per month: active members, how many of them are newcomers (joined less than 90 days before the month began, or during it). */
export interface NewcomerMonth {
  month: string;
  newMembers: number;
  activeMembers: number;
  newcomersActive: number;
  newcomerShare: number | null;
}

/** One newcomer's trajectory (stewards only). */
export interface Trajectory extends Standing {
  userId: number;
  username: string;
  displayName: string;
  joinedAt: string;
  steps: Partial<Record<Step, string>>;
  daysToFirstContribution: number | null;
}

export interface NewcomersView {
  headline: { newMembers: number; contributed: number; medianDaysToFirstContribution: number | null; stalled: number; retention30: number | null; retention90: number | null };
  funnel: FunnelStep[];
  /** Stalled newcomers by the furthest step they reached ('joined': none). */
  stalls: Array<{ step: Step | 'joined'; stalled: number }>;
  cohorts: Cohort[];
  months: NewcomerMonth[];
  /** Named trajectories, newest joiner first; null unless the reader may see individuals. */
  trajectories: Trajectory[] | null;
}

const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function trajectories(newcomers: readonly NewcomerRow[], milestones: ReadonlyArray<{ userId: number; step: string; at: string }>, now: Date): Trajectory[] {
  const byUser = new Map<number, Map<Step, string>>();
  for (const m of milestones) {
    if (!(STEPS as readonly string[]).includes(m.step)) continue;
    const map = byUser.get(m.userId) ?? new Map<Step, string>();
    map.set(m.step as Step, m.at);
    byUser.set(m.userId, map);
  }
  return newcomers.map((n) => {
    const reached = byUser.get(n.userId) ?? new Map<Step, string>();
    return { userId: n.userId, username: n.username, displayName: n.displayName, joinedAt: n.joinedAt, steps: Object.fromEntries(reached), daysToFirstContribution: daysToFirstContribution(n.joinedAt, reached), ...standing(n.joinedAt, reached, now) };
  });
}

function funnel(list: readonly Trajectory[]): FunnelStep[] {
  return STEPS.map((step, i) => {
    const reached = list.filter((t) => t.steps[step] !== undefined);
    const prev = i === 0 ? null : STEPS[i - 1]!;
    const fromPrev = prev === null ? [] : reached.flatMap((t) => (t.steps[prev] === undefined ? [] : [daysBetween(t.steps[prev]!, t.steps[step]!)]));
    return { step, reached: reached.length, share: share(reached.length, list.length), medianDaysFromJoining: median(reached.map((t) => daysBetween(t.joinedAt, t.steps[step]!))), medianDaysFromPreviousStep: prev === null ? null : median(fromPrev) };
  });
}

/**
 * Fewest newcomers whose return is shown to readers who may not see individuals: with one or two,
 * "came back" would say what a named person did (the member list shows who joined when).
 */
export const MIN_COHORT = 3;

/** A cohort as non-stewards see it: retention withheld when fewer than MIN_COHORT newcomers are measurable. */
function withholdSmall(c: Cohort): Cohort {
  const w30 = c.eligible30 > 0 && c.eligible30 < MIN_COHORT;
  const w90 = c.eligible90 > 0 && c.eligible90 < MIN_COHORT;
  return {
    ...c,
    ...(w30 ? { eligible30: 0, retained30: 0, retention30: null } : {}),
    ...(w90 ? { eligible90: 0, retained90: 0, retention90: null } : {}),
    withheld30: w30,
    withheld90: w90,
  };
}

function cohorts(newcomers: readonly NewcomerRow[], months: readonly string[], now: Date): Cohort[] {
  return months.map((month) => {
    const c = newcomers.filter((n) => monthOf(n.joinedAt) === month);
    const e30 = c.filter((n) => windowPassed(n.joinedAt, now, RETURN_30));
    const e90 = c.filter((n) => windowPassed(n.joinedAt, now, RETURN_90));
    const r30 = e30.filter((n) => n.back30At !== null).length;
    const r90 = e90.filter((n) => n.back90At !== null).length;
    return { month, joined: c.length, eligible30: e30.length, retained30: r30, retention30: share(r30, e30.length), eligible90: e90.length, retained90: r90, retention90: share(r90, e90.length) };
  });
}

async function monthsOf(deps: Deps, communityId: number, window: HealthWindow, newcomers: readonly NewcomerRow[]): Promise<NewcomerMonth[]> {
  // People active each month and the newcomers among them, as the inclusion step keeps them.
  const active = await activeNewcomersByMonth(deps.db, communityId, window.months);
  return window.months.map((month) => {
    const a = active.get(month) ?? { active: 0, newcomers: 0 };
    return { month, newMembers: newcomers.filter((n) => monthOf(n.joinedAt) === month).length, activeMembers: a.active, newcomersActive: a.newcomers, newcomerShare: share(a.newcomers, a.active) };
  });
}

/**
 * The newcomers page and API for a community: members (person accounts) who joined in the window,
 * their funnel through the trajectory, where they stall, retention by join month and the newcomer
 * share of active members. Named trajectories only when `individuals` (stewards, admins).
 */
export async function newcomersView(deps: Deps, communityId: number, window: HealthWindow, individuals: boolean): Promise<NewcomersView> {
  const now = new Date(window.to);
  const newcomers = await listNewcomers(deps.db, communityId, window);
  const list = trajectories(newcomers, await listNewcomerMilestones(deps.db, communityId, window), now);
  const all = cohorts(newcomers, window.months, now);
  const cs = individuals ? all : all.map(withholdSmall);
  // The window's retention pools every cohort; for non-stewards only when at least MIN_COHORT are measurable.
  const sum = (k: 'eligible30' | 'retained30' | 'eligible90' | 'retained90') => all.reduce((s, c) => s + c[k], 0);
  const contributed = list.filter((t) => t.daysToFirstContribution !== null);
  return {
    headline: {
      newMembers: list.length,
      contributed: contributed.length,
      medianDaysToFirstContribution: median(contributed.map((t) => t.daysToFirstContribution!)),
      stalled: list.filter((t) => t.stalled).length,
      retention30: individuals || sum('eligible30') >= MIN_COHORT ? share(sum('retained30'), sum('eligible30')) : null,
      retention90: individuals || sum('eligible90') >= MIN_COHORT ? share(sum('retained90'), sum('eligible90')) : null,
    },
    funnel: funnel(list),
    stalls: (['joined', ...STEPS.slice(0, -1)] as Array<Step | 'joined'>).map((step) => ({ step, stalled: list.filter((t) => t.stalled && t.furthest === step).length })),
    cohorts: cs,
    months: await monthsOf(deps, communityId, window, newcomers),
    trajectories: individuals ? list : null,
  };
}

/**
 * For the overview, lifecycle stage and sponsor report: per month of `window.months` (oldest first),
 * members who joined (person accounts), the newcomer share of active members (joined that month or
 * less than 90 days before it began; null with no active members), and the 30- and 90-day retention of that month's
 * join cohort (null until its retention window has passed for someone).
 */
export async function newcomersSummary(deps: Deps, communityId: number, window: HealthWindow): Promise<Array<{ month: string; newMembers: number; newcomerShareOfActive: number | null; retention30: number | null; retention90: number | null }>> {
  // The same figures as newcomersView's months and cohorts, without the trajectories (the costly part).
  const newcomers = await listNewcomers(deps.db, communityId, window);
  const cs = cohorts(newcomers, window.months, new Date(window.to));
  const ms = await monthsOf(deps, communityId, window, newcomers);
  return window.months.map((month, i) => ({ month, newMembers: ms[i]!.newMembers, newcomerShareOfActive: ms[i]!.newcomerShare, retention30: cs[i]!.retention30, retention90: cs[i]!.retention90 }));
}

/**
 * Join-month cohorts of the window and their 30- and 90-day retention (as newcomersView's cohorts),
 * without trajectories or active counts: for the overview's warning signs.
 */
export async function newcomerCohorts(deps: Pick<Deps, 'db'>, communityId: number, window: HealthWindow): Promise<Cohort[]> {
  // Aggregates for any reader (the overview's warning sign): small cohorts withheld.
  return cohorts(await listNewcomers(deps.db, communityId, window), window.months, new Date(window.to)).map(withholdSmall);
}
