import type { Deps } from '../../core/deps.ts';
import { deleteContentViewsBefore } from './views.store.ts';

/*
 * `content_views` rows exist only to count a member's view of an item once per UTC day (the view
 * itself is in the activity stream), so older days are deleted. Today and yesterday are kept: a node
 * whose clock is a little behind around midnight still finds yesterday's rows and counts nothing twice.
 */

/** The most rows one delete statement removes, so it never holds the write lock for long. */
export const PRUNE_BATCH = 5_000;

/** The first day kept ('YYYY-MM-DD'): yesterday (UTC) of `now`. Rows of earlier days are pruned. */
export function firstKeptViewDay(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Set `stopped` to end a prune at its next batch (the server is shutting down). */
export interface PruneControl {
  stopped: boolean;
}

/**
 * Deletes the `content_views` rows of days before yesterday (by `deps.clock`), `batch` rows per
 * statement, letting the event loop serve what waits between statements. Resolves with how many it
 * deleted; ends early when `control.stopped` (the next prune goes on). Throws what the database throws.
 */
export async function pruneContentViews(deps: Pick<Deps, 'db' | 'clock'>, opts: { batch?: number; control?: PruneControl } = {}): Promise<number> {
  const batch = opts.batch ?? PRUNE_BATCH;
  const before = firstKeptViewDay(deps.clock.now());
  let deleted = 0;
  for (;;) {
    if (opts.control?.stopped) return deleted;
    const n = await deleteContentViewsBefore(deps.db, before, batch);
    deleted += n;
    if (n < batch) return deleted;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Prunes `content_views` `firstAfterMs` after start (default a minute, out of the way of a cold start)
 * and then every `everyMs` (default an hour), on unref'd timers, never two at once. Returns a function
 * that stops it, ending a prune in progress after its current batch (resolves once it has let go of
 * the database). Failures are logged, never thrown.
 */
export function startContentViewPruner(deps: Pick<Deps, 'db' | 'clock' | 'log'>, opts: { everyMs?: number; firstAfterMs?: number } = {}): () => Promise<void> {
  const control: PruneControl = { stopped: false };
  let running: Promise<void> | null = null;
  const run = () => {
    if (running || control.stopped) return;
    running = pruneContentViews(deps, { control })
      .then((deleted) => {
        if (deleted > 0) deps.log.info({ deleted }, 'pruned old content views');
      })
      .catch((err: unknown) => deps.log.error({ err }, 'content views prune failed'))
      .finally(() => (running = null));
  };
  const first = setTimeout(run, opts.firstAfterMs ?? 60_000);
  first.unref();
  const timer = setInterval(run, opts.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return async () => {
    control.stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
