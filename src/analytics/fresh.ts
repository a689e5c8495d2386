import { sql } from 'kysely';
import { memo } from '../core/cache/memo.ts';
import type { Db } from '../core/db/index.ts';
import type { Deps } from '../core/deps.ts';
import { lastRefresh, refreshAnalytics, type RefreshResult } from './refresh.ts';

type RefreshDeps = Pick<Deps, 'db' | 'dbInfo' | 'clock' | 'log'>;
const running = new WeakMap<Db, Promise<RefreshResult | null>>();

/**
 * Refreshes the rollups unless a refresh is already running: on this node (concurrent callers share
 * it) or, on PostgreSQL, on another node (a session advisory lock keyed by the schema; then this
 * resolves null at once and the other node's refresh brings the figures up to date).
 */
export function refreshShared(deps: RefreshDeps): Promise<RefreshResult | null> {
  const current = running.get(deps.db);
  if (current) return current;
  const now = deps.clock.now();
  const p = (deps.dbInfo.dialect === 'postgres' ? underLock(deps.db, now) : refreshAnalytics(deps.db, { now })).finally(() => running.delete(deps.db));
  running.set(deps.db, p);
  return p;
}

function underLock(db: Db, now: Date): Promise<RefreshResult | null> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtext(current_schema() || ':guildhall-analytics')`;
    const got = (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn)).rows[0]?.ok === true;
    if (!got) return null;
    try {
      return await refreshAnalytics(db, { now });
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/**
 * Called by every dashboard before it reads: refreshes the rollups when the last refresh is older than
 * ANALYTICS_STALE_SECONDS. Returns when the rollups were last brought up to date (pages show it:
 * "figures as of …"). A refresh that fails is logged and the page shows the figures as they were:
 * a reader never gets an error for it.
 */
export async function ensureFresh(deps: Deps): Promise<string> {
  const now = deps.clock.now();
  const last = await lastRefresh(deps.db);
  if (last && now.getTime() - Date.parse(last.refreshedAt) < deps.config.analyticsStaleSeconds * 1000) return last.refreshedAt;
  try {
    const r = await refreshShared(deps);
    if (r) return r.refreshedAt;
  } catch (err) {
    deps.log.error({ err }, 'analytics refresh failed; showing the figures as they were');
  }
  return (await lastRefresh(deps.db))?.refreshedAt ?? last?.refreshedAt ?? now.toISOString();
}

/** How many computed views a node keeps (each community × window × audience is one). */
const VIEWS_KEPT = 40;

/**
 * What a dashboard computes from the rollups is the same until the next refresh: computed once per
 * refresh (per node, `refreshedAt` in the key) and shared by every reader with the same `key` until
 * then, so only the first view after a refresh pays for the medians and groupings. With
 * ANALYTICS_STALE_SECONDS=0 (figures as of every view) nothing is kept.
 */
export function perRefresh<T>(deps: Pick<Deps, 'db' | 'config'>, refreshedAt: string, key: string, compute: () => Promise<T>): Promise<T> {
  // ANALYTICS_STALE_SECONDS=0 asks for figures as of this very moment: nothing is kept.
  if (deps.config.analyticsStaleSeconds === 0) return compute();
  return memo(deps.db, 'analytics-views', `${refreshedAt}|${key}`, { ttlMs: 15 * 60_000, max: VIEWS_KEPT }, compute);
}
