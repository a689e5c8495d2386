import type { Deps } from '../core/deps.ts';
import { refreshShared } from './fresh.ts';

/**
 * Brings the analytics rollups up to date every `everyMs` (default 5 minutes) on an unref'd timer,
 * and once shortly after start; never two at once (see refreshShared). Returns a function that stops
 * it. Failures are logged, never thrown.
 */
export function startAnalyticsRefresher(deps: Deps, everyMs = 5 * 60 * 1000): () => void {
  const run = () => {
    refreshShared(deps).catch((err: unknown) => deps.log.error({ err }, 'analytics refresh failed'));
  };
  const first = setTimeout(run, 5_000);
  first.unref();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
