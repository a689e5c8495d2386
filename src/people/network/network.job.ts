import type { Deps } from '../../core/deps.ts';
import { rebuildNetwork } from './network.rebuild.ts';
import { warmNetworkCache } from './network.service.ts';

/**
 * Rebuilds the member network every `everyMs` (default one hour) and warms the metric cache, on an unref'd timer, so it never keeps
 * the process alive; the first run is after one interval (the seed and first views build it earlier).
 * Returns a function that stops it. Failures are logged, never thrown.
 */
export function startNetworkRebuilder(deps: Deps, everyMs = 60 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    rebuildNetwork(deps.db, { now: deps.clock.now() })
      .then(() => warmNetworkCache(deps))
      .catch((err: unknown) => deps.log.error({ err }, 'network rebuild failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
