import type { Deps } from '../../core/deps.ts';
import { monthOf, weekOf, type HealthWindow } from '../period.ts';
import { askedAsNewcomer, groupBy, groupFigures, responseFigures, type GroupFigures, type QuestionFact, type ResponseFigures } from './responsiveness.measures.ts';
import { listQuestionFacts, listQuestionTimes, type QuestionFactRow } from './responsiveness.store.ts';

/** Figures of one week ('YYYY-MM-DD', its Monday) or month ('YYYY-MM'). */
export type PeriodFigures = ResponseFigures & { period: string };

/** Response times by who asks: newcomers vs established members, and by the asker's discipline. */
export interface AskerGroups {
  /** 'Newcomers' (asked within 90 days of joining) and 'Established members'. */
  tenure: GroupFigures[];
  /** One group per discipline given; 'Not given' for none (or kept private); small groups folded as `fold` says. */
  discipline: GroupFigures[];
}

export interface ResponsivenessView {
  headline: ResponseFigures;
  weeks: PeriodFigures[];
  months: PeriodFigures[];
  groups: AskerGroups;
}

/** The Mondays from the window's first week to the week of `now`. */
function weeksOf(window: HealthWindow): string[] {
  const out: string[] = [];
  const last = weekOf(window.to);
  for (let w = weekOf(window.from); w <= last; w = new Date(Date.parse(`${w}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)) out.push(w);
  return out;
}

function byPeriod(facts: readonly QuestionFact[], periods: readonly string[], key: (iso: string) => string, now: Date): PeriodFigures[] {
  const groups = groupBy(facts, (f) => key(f.askedAt));
  return periods.map((period) => ({ period, ...responseFigures(groups.get(period) ?? [], now) }));
}

function groupsOf(facts: readonly QuestionFactRow[], now: Date, fold: boolean): AskerGroups {
  const tenure = new Map<string, QuestionFact[]>([
    ['Newcomers', facts.filter((f) => askedAsNewcomer(f))],
    ['Established members', facts.filter((f) => !askedAsNewcomer(f))],
  ]);
  const byDiscipline = groupBy(facts, (f) => f.discipline || 'Not given');
  return {
    tenure: groupFigures(tenure, now, { fold, foldable: false }).filter((g) => g.questions > 0),
    discipline: groupFigures(byDiscipline, now, { fold, foldable: true }),
  };
}

/**
 * Everything the responsiveness page and API show for a community: headline figures over the
 * window, the same per week and per month, and by asker group. `individuals` false folds small
 * groups (see groupFigures). Reads analytics_questions only (kept by questionsStep).
 */
export async function responsivenessView(deps: Deps, communityId: number, window: HealthWindow, individuals: boolean): Promise<ResponsivenessView> {
  const now = new Date(window.to);
  const facts = await listQuestionFacts(deps.db, communityId, window);
  return {
    headline: responseFigures(facts, now),
    weeks: byPeriod(facts, weeksOf(window), weekOf, now),
    months: byPeriod(facts, window.months, monthOf, now),
    groups: groupsOf(facts, now, !individuals),
  };
}

/**
 * For the overview, lifecycle stage and sponsor report: the window's headline figures and, per month
 * of `window.months` (one entry each, oldest first), questions asked, the median hours to a first
 * response (null when none was answered) and the share of 48-hour-old questions left unanswered for
 * 48 hours (null when none is that old).
 */
export async function responsivenessSummary(deps: Deps, communityId: number, window: HealthWindow): Promise<{ headline: ResponseFigures; months: Array<{ month: string; questions: number; medianFirstResponseHours: number | null; unanswered48hShare: number | null }> }> {
  const now = new Date(window.to);
  const facts = await listQuestionTimes(deps.db, communityId, window);
  return {
    headline: responseFigures(facts, now),
    months: byPeriod(facts, window.months, monthOf, now).map((m) => ({ month: m.period, questions: m.questions, medianFirstResponseHours: m.medianFirstResponseHours, unanswered48hShare: m.unanswered48hShare })),
  };
}

/**
 * Response time by asker group over the window (aggregates only; the inclusion page shows it too):
 * newcomers vs established members, and by discipline. Unless `opts.individuals` is true (stewards),
 * disciplines with fewer than 3 askers are folded into "Other" and any group still under 3 askers has
 * its times withheld.
 */
export async function responseTimeByAskerGroup(deps: Deps, communityId: number, window: HealthWindow, opts: { individuals?: boolean } = {}): Promise<AskerGroups> {
  const facts = await listQuestionFacts(deps.db, communityId, window);
  return groupsOf(facts, new Date(window.to), !opts.individuals);
}
