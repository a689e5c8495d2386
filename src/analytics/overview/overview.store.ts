import type { Db } from '../../core/db/index.ts';
import type { Evidence, Stage, StageEstimate } from './stage.ts';

/** A stored estimate, with the figures it read (JSON as written by the step). */
export interface StoredStage extends Omit<StageEstimate, 'figures'> {
  communityId: number;
  inputs: Record<string, unknown>;
  computedAt: string;
}

/** Replaces the estimates of the given months of a community. */
export async function saveStages(db: Db, communityId: number, rows: Array<{ estimate: StageEstimate; inputs: Record<string, unknown> }>, at: string): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('analytics_stages').where('community_id', '=', communityId).where('month', 'in', rows.map((r) => r.estimate.month)).execute();
    await tx
      .insertInto('analytics_stages')
      .values(rows.map((r) => ({ community_id: communityId, month: r.estimate.month, stage: r.estimate.stage, reason: r.estimate.reason, evidence: JSON.stringify(r.estimate.evidence), inputs: JSON.stringify(r.inputs), computed_at: at })))
      .execute();
  });
}

const parse = <T,>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

type Row = { community_id: number; month: string; stage: string; reason: string; evidence: string; inputs: string; computed_at: string };
const toStored = (r: Row): StoredStage => ({ communityId: Number(r.community_id), month: r.month, stage: r.stage as Stage, reason: r.reason, evidence: parse<Evidence[]>(r.evidence, []), inputs: parse<Record<string, unknown>>(r.inputs, {}), computedAt: r.computed_at });

/** A community's estimates for the given months (missing months are simply absent). */
export async function stagesOf(db: Db, communityId: number, months: readonly string[]): Promise<StoredStage[]> {
  if (months.length === 0) return [];
  const rows = await db.selectFrom('analytics_stages').selectAll().where('community_id', '=', communityId).where('month', 'in', [...months]).orderBy('month').execute();
  return rows.map(toStored);
}

/** The newest estimate of each of the given communities. */
export async function latestStages(db: Db, communityIds: readonly number[]): Promise<Map<number, StoredStage>> {
  const out = new Map<number, StoredStage>();
  if (communityIds.length === 0) return out;
  const rows = await db
    .selectFrom('analytics_stages as s')
    .selectAll('s')
    .where('s.community_id', 'in', [...communityIds])
    .where((eb) => eb('s.month', '=', eb.selectFrom('analytics_stages as t').select((x) => x.fn.max('t.month').as('m')).whereRef('t.community_id', '=', 's.community_id')))
    .execute();
  for (const r of rows) out.set(Number(r.community_id), toStored(r));
  return out;
}

/** When each community's estimates were last computed (communities never estimated are absent). */
export async function stageAges(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('analytics_stages').select(['community_id', (eb) => eb.fn.max('computed_at').as('at')]).groupBy('community_id').execute();
  return new Map(rows.map((r) => [Number(r.community_id), String(r.at)]));
}
