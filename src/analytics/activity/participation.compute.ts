import { monthRange, previousMonth } from '../period.ts';
import type { MonthFigures } from './activity.service.ts';
import { absenceFactor, buckets, gini } from './inequality.ts';
import { flowsBetween, levelOf, type Flows, type Level } from './levels.ts';

/** What the month summary reads of one person's month (analytics_member_months, people only). */
export interface PersonMonth {
  userId: number;
  month: string;
  contributions: number;
  questions: number;
  answers: number;
  replies: number;
  articles: number;
  comments: number;
  events: number;
  reactions: number;
  acts: number;
}

/** A row of analytics_community_months, before it is written: the month's figures, then its levels and inequality. */
export interface MonthSummary extends MonthFigures {
  levels: Record<Level, number>;
  inactive: number;
  movedInward: number;
  held: number;
  movedOutward: number;
  population: number;
  gini: number;
  top1Share: number;
  next9Share: number;
  restShare: number;
  zeroShare: number;
  absenceFactor: number;
}

export interface MonthResult {
  summary: MonthSummary;
  /** Each placed person's level and trailing contributions. */
  levels: Array<{ userId: number; level: Level; contributions: number }>;
  flows: Flows;
}

/** The three months ending with `month`. */
const trailing = (month: string): string[] => [previousMonth(previousMonth(month)), previousMonth(month), month];

/**
 * Each person's level for `month` from their trailing three months (`byMonth`: month → person rows).
 * `joinedAt`: person members and when they joined (a member counts from the instant they joined).
 */
export function levelsFor(month: string, byMonth: ReadonlyMap<string, readonly PersonMonth[]>, joinedAt: ReadonlyMap<number, string>): Map<number, { level: Level; contributions: number }> {
  const end = monthRange(month).to;
  const sums = new Map<number, { monthsContributing: number; contributions: number; questions: number; reactions: number; acts: number }>();
  for (const m of trailing(month)) {
    for (const r of byMonth.get(m) ?? []) {
      const s = sums.get(r.userId) ?? { monthsContributing: 0, contributions: 0, questions: 0, reactions: 0, acts: 0 };
      if (r.contributions > 0) s.monthsContributing += 1;
      s.contributions += r.contributions;
      s.questions += r.questions;
      s.reactions += r.reactions;
      s.acts += r.acts;
      sums.set(r.userId, s);
    }
  }
  const out = new Map<number, { level: Level; contributions: number }>();
  for (const [userId, s] of sums) {
    const joined = joinedAt.get(userId);
    const level = levelOf({ ...s, member: joined !== undefined && joined < end });
    if (level) out.set(userId, { level, contributions: s.contributions });
  }
  return out;
}

/**
 * The summary of one month (docs/analytics/participation.md): the month's activity, levels and flows,
 * and inequality of contributions over the trailing three months across the population = person
 * members at the end of the month plus anyone else who contributed in those months (members who
 * contributed nothing count as 0).
 */
export function summariseMonth(month: string, byMonth: ReadonlyMap<string, readonly PersonMonth[]>, joinedAt: ReadonlyMap<number, string>): MonthResult {
  const { from, to: end } = monthRange(month);
  const rows = byMonth.get(month) ?? [];
  const sum = (k: keyof PersonMonth) => rows.reduce((s, r) => s + (r[k] as number), 0);
  let members = 0;
  let newMembers = 0;
  for (const at of joinedAt.values()) {
    if (at < end) members += 1;
    if (at >= from && at < end) newMembers += 1;
  }
  const now = levelsFor(month, byMonth, joinedAt);
  const before = levelsFor(previousMonth(month), byMonth, joinedAt);
  const flows = flowsBetween(new Map([...before].map(([id, l]) => [id, l.level])), new Map([...now].map(([id, l]) => [id, l.level])));
  const levels: Record<Level, number> = { core: 0, active: 0, occasional: 0, peripheral: 0, transactional: 0 };
  let placedMembers = 0;
  for (const [id, l] of now) {
    levels[l.level] += 1;
    const joined = joinedAt.get(id);
    if (joined !== undefined && joined < end) placedMembers += 1;
  }
  const values: number[] = [];
  for (const [id, at] of joinedAt) if (at < end) values.push(now.get(id)?.contributions ?? 0);
  for (const [id, l] of now) {
    const joined = joinedAt.get(id);
    if ((joined === undefined || joined >= end) && l.contributions > 0) values.push(l.contributions);
  }
  const b = buckets(values);
  return {
    summary: {
      month,
      members,
      newMembers,
      activeMembers: rows.filter((r) => r.acts > 0).length,
      contributors: rows.filter((r) => r.contributions > 0).length,
      contributions: sum('contributions'),
      posts: sum('questions') + sum('answers') + sum('replies'),
      questions: sum('questions'),
      answers: sum('answers'),
      replies: sum('replies'),
      articles: sum('articles'),
      comments: sum('comments'),
      events: sum('events'),
      levels,
      inactive: members - placedMembers,
      movedInward: flows.movedInward,
      held: flows.held,
      movedOutward: flows.movedOutward,
      population: values.length,
      gini: gini(values),
      ...b,
      absenceFactor: absenceFactor(values),
    },
    levels: [...now].map(([userId, l]) => ({ userId, level: l.level, contributions: l.contributions })),
    flows,
  };
}
