import type { Deps } from '../../core/deps.ts';
import { activitySummary } from '../activity/activity.service.ts';
import { knowledgeSummary } from '../knowledge/knowledge.service.ts';
import { newcomerCohorts } from '../newcomers/newcomers.service.ts';
import type { HealthWindow } from '../period.ts';
import { responsivenessSummary } from '../responsiveness/responsiveness.service.ts';
import type { StageMonth } from './stage.ts';

/** What the overview reads: the rollups behind every other section, nothing else. */
export type AnalyticsDeps = Pick<Deps, 'db' | 'clock'>;

/** A month of the figures the stage and the health signals read (StageMonth plus what signals need). */
export interface OverviewMonth extends StageMonth {
  contributors: number;
  gini: number;
  absenceFactor: number;
  questions: number;
  unanswered48hShare: number | null;
  retention90: number | null;
}

/** Every month of the window, oldest first, from the other parts' summaries; and the knowledge counts now. */
export async function overviewInputs(deps: AnalyticsDeps, communityId: number, window: HealthWindow): Promise<{ months: OverviewMonth[]; atRiskTags: number; dueForReview: number }> {
  // The summaries are typed on Deps but read only db and clock (see each one).
  const d = deps as Deps;
  const [activity, knowledge, cohorts, voice, response] = await Promise.all([
    activitySummary(d, communityId, window),
    knowledgeSummary(d, communityId, window),
    newcomerCohorts(d, communityId, window),
    newcomerShares(deps, communityId, window),
    responsivenessSummary(d, communityId, window),
  ]);
  const months = window.months.map((month, i): OverviewMonth => {
    const a = activity.months[i]!;
    const k = knowledge.months[i]!;
    const n = cohorts[i]!;
    const r = response.months[i]!;
    return {
      month,
      members: a.members,
      newMembers: a.newMembers,
      activeMembers: a.activeMembers,
      contributors: a.contributors,
      core: a.coreCount,
      contributions: a.contributions,
      gini: a.gini,
      absenceFactor: a.absenceFactor,
      articlesCreated: k.articlesCreated,
      reuseEvents: k.reuseEvents,
      newcomerShare: voice.get(month) ?? null,
      retention90: n.retention90,
      questions: r.questions,
      medianFirstResponseHours: r.medianFirstResponseHours,
      unanswered48hShare: r.unanswered48hShare,
    };
  });
  return { months, atRiskTags: knowledge.atRiskTags, dueForReview: knowledge.dueForReview };
}

/**
 * Per month, the share of active people who joined less than 90 days before the month began or
 * during it (the inclusion rollup's newcomer_active / active; docs/analytics/inclusion.md).
 */
async function newcomerShares(deps: AnalyticsDeps, communityId: number, window: HealthWindow): Promise<Map<string, number | null>> {
  const rows = await deps.db.selectFrom('analytics_inclusion_months').select(['month', 'active', 'newcomer_active']).where('community_id', '=', communityId).where('month', 'in', [...window.months]).execute();
  return new Map(rows.map((r) => [r.month, Number(r.active) > 0 ? Math.round((Number(r.newcomer_active) / Number(r.active)) * 1000) / 1000 : null]));
}
