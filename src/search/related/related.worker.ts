import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import { readOnlySearchIndex } from '../search.flush.ts';
import { rankOverAllCommunities } from './related.rank.ts';
import type { RankRequest, RankReply, WorkerData } from './related.worker-protocol.ts';

/**
 * The SQLite ranking worker (docs/related.md): better-sqlite3 is synchronous, so a ranking (~0.3 s of
 * FTS5 at 1M posts) run on the main thread stops every other request. This thread opens its own
 * read-only connection to the same file (WAL: it reads a consistent snapshot while the main
 * connection writes; it never takes the write lock, so the main thread never waits on it) and answers
 * one request at a time. The main thread writes the results (related.ranker.ts).
 */
const { file, cacheMb } = workerData as WorkerData;
// The main thread adds waiting documents to FTS5 before it asks for a ranking; this connection only reads.
readOnlySearchIndex();
const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma(`cache_size = -${Math.round(Math.min(cacheMb, 8) * 1024)}`);
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort!.on('message', (req: RankRequest) => {
  rankOverAllCommunities(db, req.src, req.opts).then(
    (ranked) => parentPort!.postMessage({ id: req.id, ranked } satisfies RankReply),
    (err: unknown) => parentPort!.postMessage({ id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RankReply),
  );
});
