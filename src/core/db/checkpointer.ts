import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/*
 * WAL checkpoints off the event loop (issue 6). In WAL mode SQLite appends each commit's pages to the
 * -wal file and, once it holds 1,000 pages, the committing connection copies them back into the
 * database and syncs both files — inside that COMMIT, on the main thread. Under a stream of replies
 * (each changes ~20–60 pages: the post, the topic's counters, activity, a search document,
 * notifications and their indexes) that was one commit in ~16 taking several milliseconds, most of
 * the time all commits took together.
 *
 * Here the main connection never checkpoints (`wal_autocheckpoint = 0`); a worker thread with its own
 * connection to the file runs `PRAGMA wal_checkpoint(PASSIVE)` every EVERY_MS: it copies what every
 * reader is done with and syncs, without blocking readers or the writer (SQLite's PASSIVE mode), so
 * the event loop only appends. If the worker cannot start or dies, the main connection checkpoints
 * for itself again (SQLite's default), and says so in the log.
 */

/** How often the worker checkpoints. */
export const EVERY_MS = 100;

const require = createRequire(import.meta.url);

// The worker is this small script, evaluated (not a file), so the production bundle needs no second entry.
const workerSource = (sqlitePath: string) => `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(${JSON.stringify(sqlitePath)});
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
// SQLite reports, per checkpoint, the WAL's frames and how many of them are in the database so far
// (both counted from the WAL's start, so they are not summed across runs).
let last = { runs: 0, walFrames: 0, checkpointed: 0 };
const timer = setInterval(() => {
  const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
  last = { runs: last.runs + 1, walFrames: Math.max(r.log, 0), checkpointed: Math.max(r.checkpointed, 0) };
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'stats') parentPort.postMessage(last);
  if (m === 'stop') { clearInterval(timer); db.close(); parentPort.close(); }
});
`;

/** The worker's latest checkpoint: how many it has run, the WAL's frames then, and how many were copied. */
export interface CheckpointStats {
  runs: number;
  walFrames: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** The latest checkpoint's figures; rejects if the worker has stopped or died. */
  stats(): Promise<CheckpointStats>;
  stop(): Promise<void>;
}

/**
 * Starts the checkpoint worker for `sqlite` (a file in WAL mode) and turns the connection's own
 * checkpoints off; `onFailure` is told if the worker fails (the connection checkpoints again by then).
 */
export function startCheckpointer(sqlite: SqliteDatabase.Database, file: string, synchronous: 'NORMAL' | 'FULL', onFailure: (err: unknown) => void): Checkpointer {
  const worker = new Worker(workerSource(require.resolve('better-sqlite3')), {
    eval: true,
    workerData: { file, synchronous, everyMs: EVERY_MS },
    // A few statements on a timer: a small heap keeps the server's memory down (issue 6 budget: 300 MB).
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
  });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopped = false;
  let exited = false;
  worker.once('exit', () => (exited = true));
  const fallBack = (err: unknown) => {
    if (stopped) return;
    stopped = true;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    onFailure(err);
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`the checkpoint worker exited with code ${code}`)));
  return {
    stats: () =>
      new Promise((resolve, reject) => {
        if (exited) return reject(new Error('the checkpoint worker is not running'));
        const onExit = () => reject(new Error('the checkpoint worker exited'));
        worker.ref();
        worker.once('exit', onExit);
        worker.once('message', (m: CheckpointStats) => {
          worker.off('exit', onExit);
          worker.unref();
          resolve(m);
        });
        worker.postMessage('stats');
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const gone = exited ? Promise.resolve() : new Promise((resolve) => worker.once('exit', resolve));
      // Held open until it has closed its connection (unref'd, it would let the process end first).
      worker.ref();
      worker.postMessage('stop');
      await gone;
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    },
  };
}
