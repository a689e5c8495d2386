import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { Log } from '../../core/log.ts';
import type { RelatedSource } from './query.ts';
import type { Ranked } from './rank.ts';
import { searchIndexCaughtUp } from '../search.flush.ts';
import { rankOverAllCommunities, type RankOptions } from './related.rank.ts';
import { workerEntry, type WorkerEntry } from './related.worker-entry.ts';
import type { RankReply, RankRequest, WorkerData } from './related.worker-protocol.ts';

/** Where rankings are computed: the SQLite worker thread, or this thread (PostgreSQL, or no worker). */
export interface Runner {
  run(src: RelatedSource, opts: RankOptions): Promise<Ranked[]>;
  /** Rankings computed, and how many of them in the worker (tests and benchmarks read these). */
  readonly stats: { computed: number; inWorker: number };
  /** Looks up what starting the worker needs (at app start, so no page pays for it); the worker itself starts on the first ranking. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

/** Ranks on this thread: PostgreSQL's queries are asynchronous already, so they do not hold the event loop. */
export function inProcessRunner(db: Db): Runner {
  const stats = { computed: 0, inWorker: 0 };
  return {
    stats,
    run: async (src, opts) => {
      stats.computed++;
      return rankOverAllCommunities(db, src, opts);
    },
    prepare: async () => undefined,
    close: async () => undefined,
  };
}

/**
 * Ranks SQLite rankings in one worker thread with its own read-only connection (related.worker.ts),
 * one at a time, so the synchronous FTS5 queries never hold this thread's event loop. Falls back to
 * ranking in process — and says so in the log once — when the database is not a file (`:memory:`),
 * there is no worker file (related.worker-entry.ts), or the worker cannot start or dies. The worker is
 * started on the first ranking and holds the process open only while a ranking is running.
 */
export function sqliteWorkerRunner(db: Db, opts: { cacheMb: number; log: Log }): Runner {
  const fallback = inProcessRunner(db);
  const stats = { computed: 0, inWorker: 0 };
  const pending = new Map<number, { req: RankRequest; resolve: (r: Ranked[]) => void; reject: (e: Error) => void }>();
  let worker: Promise<Worker | null> | null = null;
  let broken = false;
  let closing = false;
  let nextId = 1;
  let file: Promise<string> | null = null;
  // The file the main connection has open ('' for an in-memory database); not config.databaseUrl, which a test or a CLI command may not use.
  const dbFile = () => (file ??= sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db).then((r) => r.rows[0]?.file ?? ''));

  const inProcess = async (src: RelatedSource, o: RankOptions) => {
    const ranked = await fallback.run(src, o);
    stats.computed++;
    return ranked;
  };

  const giveUp = (why: string, err?: unknown) => {
    if (broken) return;
    broken = true;
    opts.log.error({ err }, `related ranking worker ${why}; ranking in process from now on`);
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) inProcess(p.req.src, p.req.opts).then(p.resolve, p.reject);
  };

  const start = async (): Promise<Worker | null> => {
    const path = await dbFile();
    if (!path) {
      opts.log.warn('related rankings: an in-memory database has no file for a worker; ranking in process');
      broken = true;
      return null;
    }
    let entry: WorkerEntry;
    try {
      entry = await workerEntry();
    } catch (err) {
      opts.log.warn({ err }, 'related rankings: no worker file; ranking in process');
      broken = true;
      return null;
    }
    const w = new Worker(entry.url, { execArgv: entry.execArgv, workerData: { file: path, cacheMb: opts.cacheMb } satisfies WorkerData });
    w.unref();
    opts.log.info({ entry: entry.url.href }, 'related ranking worker started');
    w.on('message', (reply: RankReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ('error' in reply) p.reject(new Error(`related ranking worker: ${reply.error}`));
      else {
        stats.computed++;
        stats.inWorker++;
        p.resolve(reply.ranked);
      }
    });
    w.on('error', (err) => giveUp('failed', err));
    w.on('exit', (code) => {
      if (!closing) giveUp(`exited with ${code}`);
    });
    return w;
  };

  return {
    stats,
    run: async (src, o) => {
      if (closing) throw new Error('related rankings closed');
      if (broken) return inProcess(src, o);
      worker ??= start().catch((err: unknown) => {
        giveUp('could not start', err);
        return null;
      });
      const w = await worker;
      if (closing) throw new Error('related rankings closed');
      if (!w || broken) return inProcess(src, o);
      // The worker reads FTS5 and cannot write it: documents written a moment ago are added first.
      await searchIndexCaughtUp(db);
      return new Promise<Ranked[]>((resolve, reject) => {
        const req: RankRequest = { id: nextId++, src, opts: o };
        pending.set(req.id, { req, resolve, reject });
        // Held open only while a ranking is running, so an idle worker never keeps a process alive.
        w.ref();
        w.postMessage(req);
      });
    },
    prepare: async () => {
      await dbFile();
    },
    close: async () => {
      closing = true;
      const w = worker ? await worker : null;
      if (w) await w.terminate();
      for (const p of pending.values()) p.reject(new Error('related rankings closed'));
      pending.clear();
    },
  };
}
