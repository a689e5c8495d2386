import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { healthScope } from '../access.ts';
import { ensureFresh, perRefresh } from '../fresh.ts';
import { healthWindow, type HealthWindow } from '../period.ts';
import { valueSummary } from '../value/value.service.ts';
import { overviewInputs, type OverviewMonth } from './inputs.ts';
import { healthSignals, type Signal } from './signals.ts';
import { estimateStage, PLAYBOOKS, type Stage, type StageEstimate } from './stage.ts';

/** Months read before the window so the first months' trends have their three months before. */
const LOOKBACK = 6;

export interface CommunityOverview {
  community: { slug: string; name: string; domainStatement: string; sponsor: string; formality: string; visibility: string };
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  stage: StageEstimate & { summary: string; playbook: string[] };
  /** The stage each month of the window. */
  history: Array<{ month: string; stage: Stage }>;
  signals: Signal[];
  atRiskTags: number;
  dueForReview: number;
  valueStories: number;
  /** The window's months, oldest first. */
  months: OverviewMonth[];
}

/**
 * A community's health at a glance: its lifecycle stage now (with the evidence and the playbook) and
 * each month of the window, the warning signs, and the headline series, all from the rollups.
 */
export async function communityOverview(deps: Deps, actor: Actor | null, slug: string, months?: number): Promise<CommunityOverview> {
  const scope = await healthScope(deps, actor, slug);
  const refreshedAt = await ensureFresh(deps);
  const window = healthWindow(deps.clock.now(), months);
  const wide = healthWindow(deps.clock.now(), window.months.length + LOOKBACK);
  const key = `${scope.community.id}:${window.months.length}:${window.months[window.months.length - 1]}`;
  const [inputs, value] = await Promise.all([perRefresh(deps, refreshedAt, `overview:${key}`, () => overviewInputs(deps, scope.community.id, wide)), valueSummary(deps, scope.community.id, window)]);
  const all = inputs.months;
  const shown = all.slice(LOOKBACK);
  const history = shown.map((_, j) => estimateStage(all, j + LOOKBACK));
  const now = history[history.length - 1]!;
  const c = scope.community;
  return {
    community: { slug: c.slug, name: c.name, domainStatement: c.domain_statement, sponsor: c.sponsor, formality: c.formality, visibility: c.visibility },
    window,
    refreshedAt,
    individuals: scope.individuals,
    stage: { ...now, summary: PLAYBOOKS[now.stage].summary, playbook: PLAYBOOKS[now.stage].steps },
    history: history.map((h) => ({ month: h.month, stage: h.stage })),
    signals: healthSignals(all, inputs.atRiskTags),
    atRiskTags: inputs.atRiskTags,
    dueForReview: inputs.dueForReview,
    valueStories: value.stories,
    months: shown,
  };
}
