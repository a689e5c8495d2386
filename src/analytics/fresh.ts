import { sql } from 'kysely';
import { memo } from '../core/cache/memo.ts';
import type { Db } from '../core/db/index.ts';
import type { Deps } from '../core/deps.ts';
import type { Pace } from './pace.ts';
import { lastRefresh, refreshAnalytics, type RefreshResult } from './refresh.ts';

type RefreshDeps = Pick<Deps, 'db' | 'dbInfo' | 'clock' | 'log'>;
const running = new WeakMap<Db, { done: Promise<RefreshResult | null>; pace: Pace }>();

/**
 * Refreshes the rollups unless a refresh is already running: on this node (concurrent callers share
 * it) or, on PostgreSQL, on another node (a session advisory lock keyed by the schema; then this
 * resolves null at once and the other node's refresh brings the figures up to date).
 */
export function refreshShared(deps: RefreshDeps): Promise<RefreshResult | null> {
  const current = running.get(deps.db);
  if (current) return current.done;
  const now = deps.clock.now();
  const pace: Pace = { stopped: false };
  const p = (deps.dbInfo.dialect === 'postgres' ? underLock(deps.db, now, pace) : refreshAnalytics(deps.db, { now, pace }))
    .then((r) => {
      // Recompute, for the new figures, the views people looked at lately (so their next view is instant).
      if (r) void rewarm(deps, r.refreshedAt);
      return r;
    })
    .finally(() => running.delete(deps.db));
  running.set(deps.db, { done: p, pace });
  return p;
}

/**
 * Stops the refresh running on this node at its next pause (src/analytics/pace.ts) and resolves once
 * it has let go of the database; the next refresh does its work again. Called when the server stops.
 */
export async function stopRefresh(db: Db): Promise<void> {
  const current = running.get(db);
  if (!current) return;
  current.pace.stopped = true;
  await current.done.catch(() => undefined);
}

function underLock(db: Db, now: Date, pace: Pace): Promise<RefreshResult | null> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtext(current_schema() || ':guildhall-analytics')`;
    const got = (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn)).rows[0]?.ok === true;
    if (!got) return null;
    try {
      return await refreshAnalytics(db, { now, pace });
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/** Figures at most this many times ANALYTICS_STALE_SECONDS old (and at most 15 minutes) are shown while a refresh runs behind them. */
const SERVE_STALE_FACTOR = 15;

/**
 * Called by every dashboard before it reads. Rollups refreshed less than ANALYTICS_STALE_SECONDS ago
 * are used as they are. A little older (up to 15 × that, or 15 minutes): the page shows them at once
 * and a refresh starts behind it (stale-while-revalidate; `serve` refreshes every 5 minutes anyway).
 * Older still, or never refreshed: the view waits for the refresh. Returns when the figures were
 * computed (pages say "figures as of …"). A refresh that fails is logged and the page shows the
 * figures as they were: a reader never gets an error for it. ANALYTICS_STALE_SECONDS=0 refreshes on
 * every view and waits for it.
 */
export async function ensureFresh(deps: Deps): Promise<string> {
  const now = deps.clock.now();
  const staleMs = deps.config.analyticsStaleSeconds * 1000;
  const last = await lastRefresh(deps.db);
  const age = last ? now.getTime() - Date.parse(last.refreshedAt) : Infinity;
  if (last && age < staleMs) return last.refreshedAt;
  if (last && staleMs > 0 && age < Math.min(staleMs * SERVE_STALE_FACTOR, 15 * 60_000)) {
    refreshShared(deps).catch((err: unknown) => deps.log.error({ err }, 'analytics refresh failed'));
    return last.refreshedAt;
  }
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
  const seen = recent.get(deps.db) ?? new Map<string, Recent>();
  recent.set(deps.db, seen);
  seen.delete(key);
  seen.set(key, { compute, usedAt: Date.now() });
  if (seen.size > VIEWS_KEPT) seen.delete(seen.keys().next().value!);
  return memo(deps.db, VIEWS, `${refreshedAt}|${key}`, VIEW_CACHE, compute);
}

interface Recent {
  compute: () => Promise<unknown>;
  usedAt: number;
}
const VIEWS = 'analytics-views';
const VIEW_CACHE = { ttlMs: 15 * 60_000, max: VIEWS_KEPT };
/** Views asked for on this node, most recent last (what a refresh recomputes). */
const recent = new WeakMap<Db, Map<string, Recent>>();
/** Views not asked for in this long are not recomputed after a refresh. */
const REWARM_WITHIN_MS = 30 * 60_000;

/** Computes, one after another, the views asked for in the last 30 minutes, for figures as of `refreshedAt`. */
async function rewarm(deps: Pick<Deps, 'db' | 'log'>, refreshedAt: string): Promise<void> {
  const seen = recent.get(deps.db);
  if (!seen) return;
  const cutoff = Date.now() - REWARM_WITHIN_MS;
  for (const [key, r] of [...seen]) {
    if (r.usedAt < cutoff) {
      seen.delete(key);
      continue;
    }
    await memo(deps.db, VIEWS, `${refreshedAt}|${key}`, VIEW_CACHE, r.compute).catch((err: unknown) => deps.log.warn({ err, key }, 'recomputing a health view failed'));
  }
}
