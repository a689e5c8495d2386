import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase, { type Statement } from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import { createRequire } from 'node:module';
import type PgModule from 'pg';
import type { Log } from '../log.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { usePreparedStatements } from './pg-prepared.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** What /readyz reports about the database. */
export interface DbInfo {
  dialect: DialectName;
  pragmas?: { journal_mode: string; synchronous: number; foreign_keys: number; busy_timeout: number };
}

export interface DbHandle {
  db: Db;
  info: DbInfo;
  /** SQLite with background checkpoints: the worker doing them. */
  checkpointer?: Checkpointer;
  close(): Promise<void>;
}

let pgModule: typeof PgModule | undefined;

/** The pg driver, loaded when PostgreSQL is first opened (an embedded SQLite start never pays for it). */
function loadPg(): typeof PgModule {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    // BIGINT (count(*), sums) comes back from pg as text; our counts fit in a JS number.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
}

/**
 * How SQLite syncs commits in WAL mode. `normal` (the default): a commit is durable once the OS has it —
 * it survives the app crashing, and a power cut can lose the last transactions but never corrupts the
 * file; commits do not wait for the disk, so a write costs about a third less (issue 6). `full`: every
 * commit waits for fsync.
 */
export type SqliteSynchronous = 'normal' | 'full';

/** How openSqlite opens a file. */
export interface SqliteOptions {
  synchronous?: SqliteSynchronous;
  cacheMb?: number;
  /** Checkpoint the WAL in a worker thread instead of inside commits (src/core/db/checkpointer.ts); files only. */
  backgroundCheckpoints?: boolean;
  log?: Log;
}

/** Opens SQLite in WAL mode (synchronous NORMAL unless told FULL) and reads the pragmas back. */
export function openSqlite(file: string, opts: SqliteOptions = {}): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLITE_CACHE_MB of page cache (default 64 MiB; SQLite's own default is 2 MiB): bulk writes such as
  // an import's search-index rebuild otherwise spill B-tree pages and slow down more than linearly.
  sqlite.pragma(`cache_size = -${Math.round((opts.cacheMb ?? 64) * 1024)}`);
  const pragmas = {
    journal_mode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreign_keys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
  };
  cacheStatements(sqlite);
  const checkpointer =
    opts.backgroundCheckpoints && file !== ':memory:'
      ? startCheckpointer(sqlite, file, pragmas.synchronous === 2 ? 'FULL' : 'NORMAL', (err) => opts.log?.warn({ err }, 'WAL checkpoints are back in commits: the checkpoint worker stopped'))
      : null;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    info: { dialect: 'sqlite', pragmas },
    ...(checkpointer ? { checkpointer } : {}),
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** How many prepared statements a SQLite connection keeps (distinct SQL texts; the app has a few hundred). */
const STATEMENTS_KEPT = 2_000;

/**
 * Makes `prepare` reuse the statement prepared earlier for the same SQL text. Kysely prepares every
 * query it runs, which cost about a fifth of a reply's CPU time (issue 6). Safe because Kysely runs one
 * query at a time on the single connection (a mutex) and SQLite re-prepares a cached statement itself
 * when the schema changes. Past STATEMENTS_KEPT the oldest prepared is dropped (the app has a few
 * hundred texts, so this rarely happens; not moving a hit to the back saves two map operations on a
 * long key per query).
 */
function cacheStatements(sqlite: SqliteDatabase.Database): void {
  const prepare = sqlite.prepare.bind(sqlite) as (source: string) => Statement;
  const statements = new Map<string, Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = statements.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      statements.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * Opens a PostgreSQL pool; pool errors (a restarted server) are logged, never fatal. Queries with
 * parameters run as named prepared statements (pg-prepared.ts) unless `prepared` is false (for a
 * pooler that cannot keep them, such as PgBouncer in transaction mode before 1.21).
 */
export function openPostgres(url: string, log: Log, opts: { searchPath?: string; max?: number; prepared?: boolean } = {}): DbHandle {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
  });
  pool.on('error', (err) => log.error({ err }, 'postgres pool client error'));
  if (opts.prepared ?? true) usePreparedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, info: { dialect: 'postgres' }, close: () => db.destroy() };
}

/** Opens the database a `sqlite:<file>` or `postgres://` URL names. */
export function openDatabase(databaseUrl: string, log: Log, opts: Omit<SqliteOptions, 'log'> & { pgPrepared?: boolean } = {}): DbHandle {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length), { ...opts, log });
  return openPostgres(databaseUrl, log, { prepared: opts.pgPrepared });
}
