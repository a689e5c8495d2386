import type { Db } from '../core/db/index.ts';
import type { Database } from '../core/db/schema.ts';
import { breathe, type Pace } from './pace.ts';
import { analyticsSteps } from './steps.ts';

/** One row of the activity stream, as the analytics steps read it (`data` parsed). */
export interface ActivityRow {
  id: number;
  actorId: number | null;
  verb: string;
  communityId: number | null;
  subjectType: string;
  subjectId: number | null;
  data: Record<string, unknown>;
  /** ISO-8601 UTC. */
  at: string;
}

/** One refresh of one step: fed the new activity in id order, chunk by chunk, then finished once. */
export interface StepRun {
  add(rows: readonly ActivityRow[]): void | Promise<void>;
  /** Writes what the rows changed. Must be idempotent: a refresh that stops half-way is run again over the same rows. */
  finish(): Promise<void>;
}

/**
 * A part of the health analytics that keeps rollups from the activity stream (docs/analytics.md).
 * `tables` are emptied by a rebuild; `begin` starts one refresh.
 */
export interface AnalyticsStep {
  name: string;
  tables: ReadonlyArray<keyof Database & string>;
  /** `pace`: call `breathe(pace)` between units of work (src/analytics/pace.ts). */
  begin(db: Db, now: Date, pace?: Pace): StepRun;
}

const STATE = 'rollups';
const CHUNK = 20_000;

export interface RefreshResult {
  /** Activity rows read this time. */
  rows: number;
  lastActivityId: number;
  refreshedAt: string;
}

/** When the rollups were last brought up to date, or null when never. */
export async function lastRefresh(db: Db): Promise<{ lastActivityId: number; refreshedAt: string } | null> {
  const row = await db.selectFrom('analytics_state').select(['last_activity_id', 'refreshed_at']).where('name', '=', STATE).executeTakeFirst();
  return row ? { lastActivityId: Number(row.last_activity_id), refreshedAt: row.refreshed_at } : null;
}

/**
 * Brings every step's rollups up to date with the activity stream: reads the rows after the last one
 * read (in chunks, oldest first), gives them to each step, lets each step write, then moves the mark.
 * Steps recompute what the new rows touched, so a backdated row (an import) lands in its own period.
 */
export async function refreshAnalytics(db: Db, opts: { now: Date; steps?: readonly AnalyticsStep[]; pace?: Pace }): Promise<RefreshResult> {
  const steps = opts.steps ?? analyticsSteps;
  const pace = opts.pace;
  const from = (await lastRefresh(db))?.lastActivityId ?? 0;
  const runs = steps.map((s) => s.begin(db, opts.now, pace));
  let last = from;
  let count = 0;
  for (;;) {
    const chunk = await db
      .selectFrom('activity')
      .select(['id', 'actor_id', 'verb', 'community_id', 'subject_type', 'subject_id', 'data', 'created_at'])
      .where('id', '>', last)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    if (chunk.length === 0) break;
    const rows = chunk.map(toRow);
    for (const run of runs) {
      await run.add(rows);
      await breathe(pace);
    }
    last = rows[rows.length - 1]!.id;
    count += rows.length;
    if (chunk.length < CHUNK) break;
  }
  for (const run of runs) {
    await run.finish();
    await breathe(pace);
  }
  const refreshedAt = opts.now.toISOString();
  await db
    .insertInto('analytics_state')
    .values({ name: STATE, last_activity_id: last, refreshed_at: refreshedAt })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_activity_id: last, refreshed_at: refreshedAt }))
    .execute();
  return { rows: count, lastActivityId: last, refreshedAt };
}

/** Empties every step's rollups and reads the whole activity stream again. */
export async function rebuildAnalytics(db: Db, opts: { now: Date; steps?: readonly AnalyticsStep[]; pace?: Pace }): Promise<RefreshResult> {
  const steps = opts.steps ?? analyticsSteps;
  await db.transaction().execute(async (tx) => {
    for (const s of steps) for (const t of s.tables) await tx.deleteFrom(t).execute();
    await tx.deleteFrom('analytics_state').where('name', '=', STATE).execute();
  });
  return refreshAnalytics(db, opts);
}

function toRow(r: { id: number; actor_id: number | null; verb: string; community_id: number | null; subject_type: string; subject_id: number | null; data: string; created_at: string }): ActivityRow {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // A row with unreadable data still counts by its verb.
  }
  return { id: Number(r.id), actorId: r.actor_id === null ? null : Number(r.actor_id), verb: r.verb, communityId: r.community_id === null ? null : Number(r.community_id), subjectType: r.subject_type, subjectId: r.subject_id === null ? null : Number(r.subject_id), data, at: r.created_at };
}
