import { dayOf, weekOf } from '../period.ts';
import { CONTRIBUTION_COUNTERS, counterOf, type ActRow } from './activity.classify.ts';

/** A row of analytics_community_days, before it is written. */
export interface DayRow {
  day: string;
  activeMembers: number;
  contributors: number;
  contributions: number;
  posts: number;
  questions: number;
  answers: number;
  articles: number;
  events: number;
  joins: number;
}

/** A row of analytics_community_weeks, before it is written. */
export interface WeekRow {
  week: string;
  activeMembers: number;
  contributors: number;
}

/**
 * The day series of one month, people only: distinct people who acted and who contributed each day,
 * what was made, and joins (from memberships, `joinDays` = each person member's join day). Days with
 * nothing are left out.
 */
export function foldDays(acts: readonly ActRow[], month: string, isPerson: (id: number) => boolean, joinDays: readonly string[]): DayRow[] {
  const days = new Map<string, DayRow & { actors: Set<number>; makers: Set<number> }>();
  const get = (day: string) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, activeMembers: 0, contributors: 0, contributions: 0, posts: 0, questions: 0, answers: 0, articles: 0, events: 0, joins: 0, actors: new Set(), makers: new Set() }));
    return d;
  };
  for (const r of acts) {
    if (r.at.slice(0, 7) !== month || r.actorId === null || !isPerson(r.actorId)) continue;
    const d = get(dayOf(r.at));
    d.actors.add(r.actorId);
    const c = counterOf(r);
    if (!c || !CONTRIBUTION_COUNTERS.includes(c)) continue;
    d.makers.add(r.actorId);
    d.contributions += 1;
    if (c === 'questions' || c === 'answers' || c === 'replies') d.posts += 1;
    if (c === 'questions') d.questions += 1;
    if (c === 'answers') d.answers += 1;
    if (c === 'articles') d.articles += 1;
    if (c === 'events') d.events += 1;
  }
  for (const day of joinDays) if (day.slice(0, 7) === month) get(day).joins += 1;
  return [...days.values()]
    .map(({ actors, makers, ...d }) => ({ ...d, activeMembers: actors.size, contributors: makers.size }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Distinct people who acted / contributed in each of `weeks` (Mondays); `acts` must cover those weeks whole. */
export function foldWeeks(acts: readonly ActRow[], weeks: readonly string[], isPerson: (id: number) => boolean): WeekRow[] {
  const wanted = new Set(weeks);
  const actors = new Map<string, Set<number>>(weeks.map((w) => [w, new Set()]));
  const makers = new Map<string, Set<number>>(weeks.map((w) => [w, new Set()]));
  for (const r of acts) {
    if (r.actorId === null || !isPerson(r.actorId)) continue;
    const w = weekOf(r.at);
    if (!wanted.has(w)) continue;
    actors.get(w)!.add(r.actorId);
    const c = counterOf(r);
    if (c && CONTRIBUTION_COUNTERS.includes(c)) makers.get(w)!.add(r.actorId);
  }
  return weeks.map((week) => ({ week, activeMembers: actors.get(week)!.size, contributors: makers.get(week)!.size }));
}

/** The Mondays of every week that overlaps `month`, and the instants covering those weeks whole. */
export function weeksOverlapping(month: string): { weeks: string[]; from: string; to: string } {
  const first = weekOf(`${month}-01`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const last = weekOf(lastDay);
  const weeks: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 7 * 86_400_000) weeks.push(new Date(t).toISOString().slice(0, 10));
  const end = new Date(Date.parse(`${last}T00:00:00Z`) + 7 * 86_400_000).toISOString();
  return { weeks, from: `${first}T00:00:00.000Z`, to: end };
}
