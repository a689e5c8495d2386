/**
 * How a long analytics refresh shares the process (issue 6). On SQLite every query runs
 * synchronously, so a refresh that never gave way would hold every request until it ended (the first
 * refresh after an upgrade reads the whole activity stream); on any database, a server shutting down
 * must not wait for it. Steps call `breathe` between units of work (a chunk, a community, a period):
 * waiting requests run, and a stopped refresh ends there with RefreshStopped — harmless, because a
 * refresh moves its mark only when it completes and every step's writes are idempotent, so the next
 * refresh simply does the work again.
 */
export interface Pace {
  stopped: boolean;
}

export class RefreshStopped extends Error {
  override name = 'RefreshStopped';
  constructor() {
    super('analytics refresh stopped: the server is shutting down');
  }
}

/** Lets the event loop serve what is waiting, then goes on — or throws RefreshStopped when the refresh was stopped. */
export async function breathe(pace: Pace | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (pace?.stopped) throw new RefreshStopped();
}
