import type { Db } from '../core/db/index.ts';
import type { Deps } from '../core/deps.ts';
import { lastRefresh, refreshAnalytics } from './refresh.ts';

const running = new WeakMap<Db, Promise<string>>();

/**
 * Called by every dashboard before it reads: refreshes the rollups when the last refresh is older than
 * ANALYTICS_STALE_SECONDS (concurrent views share one refresh per database). Returns when the rollups
 * were last brought up to date (pages show it: "Figures as of …").
 */
export async function ensureFresh(deps: Deps): Promise<string> {
  const now = deps.clock.now();
  const last = await lastRefresh(deps.db);
  if (last && now.getTime() - Date.parse(last.refreshedAt) < deps.config.analyticsStaleSeconds * 1000) return last.refreshedAt;
  const current = running.get(deps.db);
  if (current) return current;
  const p = refreshAnalytics(deps.db, { now })
    .then((r) => r.refreshedAt)
    .finally(() => running.delete(deps.db));
  running.set(deps.db, p);
  return p;
}
