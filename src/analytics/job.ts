import type { Deps } from '../core/deps.ts';
import { refreshShared, stopRefresh } from './fresh.ts';
import { RefreshStopped } from './pace.ts';

/**
 * Brings the analytics rollups up to date every `everyMs` (default 5 minutes) on an unref'd timer,
 * and once shortly after start; never two at once (see refreshShared). Returns a function that stops
 * it, and the refresh running now at its next pause (resolving once that has let go of the database).
 * Failures are logged, never thrown.
 */
export function startAnalyticsRefresher(deps: Deps, everyMs = 5 * 60 * 1000): () => Promise<void> {
  const run = () => {
    refreshShared(deps).catch((err: unknown) => {
      if (err instanceof RefreshStopped) deps.log.info('analytics refresh stopped for shutdown; the next one does its work again');
      else deps.log.error({ err }, 'analytics refresh failed');
    });
  };
  const first = setTimeout(run, 5_000);
  first.unref();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await stopRefresh(deps.db);
  };
}
