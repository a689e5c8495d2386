import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Log } from '../log.ts';
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
  close(): Promise<void>;
}

// BIGINT (count(*), sums) comes back from pg as text; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens SQLite in WAL mode with synchronous=FULL and reads the pragmas back. */
export function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): bulk writes such as an import's search-index rebuild
  // otherwise spill B-tree pages and slow down more than linearly.
  sqlite.pragma('cache_size = -65536');
  const pragmas = {
    journal_mode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreign_keys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, info: { dialect: 'sqlite', pragmas }, close: () => db.destroy() };
}

/** Opens a PostgreSQL pool; pool errors (a restarted server) are logged, never fatal. */
export function openPostgres(url: string, log: Log, opts: { searchPath?: string; max?: number } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
  });
  pool.on('error', (err) => log.error({ err }, 'postgres pool client error'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, info: { dialect: 'postgres' }, close: () => db.destroy() };
}

/** Opens the database a `sqlite:<file>` or `postgres://` URL names. */
export function openDatabase(databaseUrl: string, log: Log): DbHandle {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  return openPostgres(databaseUrl, log);
}
