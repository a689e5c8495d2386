import { Type } from '@sinclair/typebox';
import type { Deps } from '../../core/deps.ts';
import type { HealthWindow } from '../period.ts';
import { estimateCommunity } from './overview.step.ts';
import { latestStages, type StoredStage } from './overview.store.ts';
import type { Signal } from './signals.ts';
import { PLAYBOOKS, STAGES, type Stage } from './stage.ts';

/** What the sponsor report shows of the community's stage and health. */
export interface ReportHealth {
  month: string;
  stage: Stage;
  summary: string;
  reason: string;
  activeMembers: number;
  contributors: number;
  core: number;
  medianFirstResponseHours: number | null;
  atRiskTags: number;
  signals: string[];
}

export const ReportHealthSchema = Type.Object(
  {
    month: Type.String({ description: 'The month of the estimate (YYYY-MM).' }),
    stage: Type.Union(STAGES.map((s) => Type.Literal(s))),
    summary: Type.String(),
    reason: Type.String(),
    activeMembers: Type.Number(),
    contributors: Type.Number(),
    core: Type.Number(),
    medianFirstResponseHours: Type.Union([Type.Number(), Type.Null()]),
    atRiskTags: Type.Number(),
    signals: Type.Array(Type.String()),
  },
  { description: 'The lifecycle stage and health figures of the latest estimate (kept by the analytics refresh, at most an hour old).' },
);

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The community's latest stage estimate with its figures, as the refresh keeps it (one row); estimated
 * now when the refresh has not reached this community yet.
 */
export async function reportHealth(deps: Pick<Deps, 'db' | 'clock'>, communityId: number, _window: HealthWindow): Promise<ReportHealth> {
  let s: StoredStage | undefined = (await latestStages(deps.db, [communityId])).get(communityId);
  if (!s) {
    await estimateCommunity(deps.db, communityId, deps.clock.now());
    s = (await latestStages(deps.db, [communityId])).get(communityId)!;
  }
  const i = s.inputs;
  const response = i.medianFirstResponseHours;
  return {
    month: s.month,
    stage: s.stage,
    summary: PLAYBOOKS[s.stage].summary,
    reason: s.reason,
    activeMembers: num(i.activeMembers),
    contributors: num(i.contributors),
    core: num(i.core),
    medianFirstResponseHours: typeof response === 'number' ? response : null,
    atRiskTags: num(i.atRiskTags),
    signals: Array.isArray(i.signals) ? (i.signals as Signal[]).map((x) => x.text) : [],
  };
}
