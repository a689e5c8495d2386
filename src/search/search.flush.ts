import { sql } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { Log } from '../core/log.ts';
import { isPostgres } from './search.dialect.ts';

/*
 * SQLite's FTS5 index follows `search_docs` in batches (migration 202611270100 says how the watermark
 * `search_fts_state.indexed_through` and the triggers keep it exact). A write adds its document rows
 * in its own transaction, as before; this adds them to FTS5 a moment later, many at once: within
 * FLUSH_EVERY_MS on a running app, and always before a search or a ranking reads FTS5, so nobody ever
 * searches an index that lacks something already written. PostgreSQL needs none of it.
 */

/** How often a running app adds waiting documents to FTS5 (when any were written). */
export const FLUSH_EVERY_MS = 100;
/** The most documents added in one transaction (at ~0.08 ms each: the event loop is held ~40 ms at most). */
export const FLUSH_BATCH = 500;

let written = 0;
let allowed = true;

/** Called by the index functions whenever they write document rows: tells the app's flusher there is work. */
export function noteSearchDocsWritten(): void {
  written++;
}

/** For a thread with a read-only connection (the related-ranking worker): never try to write FTS5, read it as it is. */
export function readOnlySearchIndex(): void {
  allowed = false;
}

/** How many documents wait to be added to FTS5 (0 on PostgreSQL). */
export async function waitingSearchDocs(db: Db): Promise<number> {
  if (isPostgres(db)) return 0;
  const r = await sql<{ n: number }>`select (select coalesce(max(id), 0) from search_docs) - indexed_through as n from search_fts_state where id = 1`.execute(db);
  return Math.max(0, r.rows[0]?.n ?? 0);
}

async function addBatch(db: Db, limit: number): Promise<number> {
  const mark = sql`(select indexed_through from search_fts_state where id = 1)`;
  const upTo = await sql<{ id: number | null }>`select max(id) as id from (select id from search_docs where id > ${mark} order by id limit ${limit})`.execute(db);
  const top = upTo.rows[0]?.id;
  if (top == null) {
    // Nothing left above the mark, but the mark may trail the highest id (its documents were deleted).
    await sql`update search_fts_state set indexed_through = (select coalesce(max(id), 0) from search_docs) where id = 1 and indexed_through < (select coalesce(max(id), 0) from search_docs)`.execute(db);
    return 0;
  }
  const added = await sql`insert into search_fts(rowid, title, tags, extra, body)
    select id, title, tags, extra, body from search_docs where id > ${mark} and id <= ${top} order by id`.execute(db);
  await sql`update search_fts_state set indexed_through = ${top} where id = 1`.execute(db);
  return Number(added.numAffectedRows ?? 0);
}

/**
 * Adds up to `limit` waiting documents to FTS5 and moves the mark past them, in one transaction (or in
 * the caller's, when `db` is one). Returns how many were added. A no-op on PostgreSQL and in a
 * read-only thread.
 */
export async function flushSearchIndex(db: Db, limit = FLUSH_BATCH): Promise<number> {
  if (!allowed || isPostgres(db)) return 0;
  if (db.isTransaction) return addBatch(db, limit);
  return db.transaction().execute((tx) => addBatch(tx, limit));
}

/** Adds every waiting document, a batch per transaction. */
export async function flushAllSearchDocs(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await flushSearchIndex(db);
    total += n;
    if (n < FLUSH_BATCH) return total;
  }
}

/** Before reading FTS5: adds whatever waits, so a search sees everything written before it. */
export async function searchIndexCaughtUp(db: Db): Promise<void> {
  if (!allowed || isPostgres(db)) return;
  if ((await waitingSearchDocs(db)) > 0) await flushAllSearchDocs(db);
}

/**
 * The app's flusher (SQLite): every FLUSH_EVERY_MS, when documents were written since it last looked
 * (or on its first tick, for any a stopped process left waiting), adds them, yielding to other work
 * between batches. Failures are logged and retried on the next tick. `stop` waits for a running flush
 * and adds what is left, so a server stopped cleanly leaves nothing waiting.
 */
export function startSearchFlusher(db: Db, log: Log): { stop(): Promise<void> } {
  if (isPostgres(db)) return { stop: async () => undefined };
  let seen = -1;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped || seen === written) return;
    seen = written;
    running = (async () => {
      try {
        while (!stopped && (await flushSearchIndex(db)) === FLUSH_BATCH) await new Promise((r) => setImmediate(r));
      } catch (err) {
        seen = -1;
        log.error({ err }, 'search index flush failed; retrying');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, FLUSH_EVERY_MS);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await flushAllSearchDocs(db).catch((err: unknown) => log.error({ err }, 'search index flush failed at shutdown; the next start adds what waits'));
    },
  };
}
