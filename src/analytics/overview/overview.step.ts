import { breathe, type Pace } from '../pace.ts';
import type { Db } from '../../core/db/index.ts';
import { healthWindow } from '../period.ts';
import type { AnalyticsStep } from '../refresh.ts';
import { overviewInputs } from './inputs.ts';
import { saveStages, stageAges } from './overview.store.ts';
import { healthSignals } from './signals.ts';
import { estimateStage } from './stage.ts';

/** Months of estimates kept per community, and months read before them (the trend needs six). */
export const STAGE_MONTHS = 12;
const LOOKBACK = 6;
/** Communities estimated per refresh at most (the oldest estimates first), and how long one stays fresh. */
export const STAGES_PER_REFRESH = 10;
export const STAGE_TTL_MS = 60 * 60 * 1000;

/**
 * Runs last: estimates the lifecycle stage of each community the new activity touched (and of any
 * never estimated), for the last STAGE_MONTHS months, from the rollups the other steps just wrote.
 * A community is estimated again at most once an hour, and at most STAGES_PER_REFRESH per refresh.
 */
export const overviewStep: AnalyticsStep = {
  name: 'overview',
  tables: ['analytics_stages'],
  begin(db: Db, now: Date, pace?: Pace) {
    const touched = new Set<number>();
    return {
      add(rows) {
        for (const r of rows) if (r.communityId !== null) touched.add(r.communityId);
      },
      async finish() {
        const ages = await stageAges(db);
        const all = await db.selectFrom('communities').select('id').orderBy('id').execute();
        const due = all
          .map((c) => Number(c.id))
          .filter((id) => {
            const at = ages.get(id);
            return at === undefined || (touched.has(id) && now.getTime() - Date.parse(at) >= STAGE_TTL_MS);
          })
          .sort((a, b) => (ages.get(a) ?? '').localeCompare(ages.get(b) ?? ''))
          .slice(0, STAGES_PER_REFRESH);
        for (const id of due) {
          await estimateCommunity(db, id, now);
          await breathe(pace);
        }
      },
    };
  },
};

/** Estimates and stores one community's stages for the last STAGE_MONTHS months. */
export async function estimateCommunity(db: Db, communityId: number, now: Date): Promise<void> {
  const window = healthWindow(now, STAGE_MONTHS + LOOKBACK);
  const inputs = await overviewInputs({ db, clock: { now: () => now } }, communityId, window);
  const rows = inputs.months.slice(LOOKBACK).map((m, j) => {
    const i = j + LOOKBACK;
    const upTo = inputs.months.slice(0, i + 1);
    const latest = i === inputs.months.length - 1;
    const estimate = estimateStage(inputs.months, i);
    return {
      estimate,
      inputs: { ...m, growth: estimate.figures.growth, signals: healthSignals(upTo, latest ? inputs.atRiskTags : 0), ...(latest ? { atRiskTags: inputs.atRiskTags, dueForReview: inputs.dueForReview } : {}) },
    };
  });
  await saveStages(db, communityId, rows, now.toISOString());
}
