import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Db, DialectName } from '../../src/core/db/index.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import type { Database } from '../../src/core/db/schema.ts';

/** A column for bulk loading: its name and its type (PostgreSQL needs the array type for unnest). */
export type Column = readonly [name: string, type: 'int' | 'text'];
export type Row = Array<string | number | null>;

/** A database being filled: the app's Kysely handle (schema from the real migrations) plus a fast bulk path. */
export interface BulkTarget {
  dialect: DialectName;
  db: Db;
  /** The URL the app would be started with (DATABASE_URL). */
  url: string;
  /** Inserts rows in one statement per chunk; call inside `transaction`. */
  insert(table: string, columns: readonly Column[], rows: Row[]): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** After loading: identity sequences past the loaded ids, statistics, and a foreign-key check on SQLite. */
  finish(tables: string[]): Promise<void>;
  close(): Promise<void>;
}

/** True for a PostgreSQL URL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens (creating) the target: a fresh SQLite file, or a fresh PostgreSQL database named in the URL. */
export async function openTarget(url: string): Promise<BulkTarget> {
  return isPostgresUrl(url) ? openPostgresTarget(url) : openSqliteTarget(url.replace(/^sqlite:/, ''));
}

async function openSqliteTarget(file: string): Promise<BulkTarget> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  // Bulk load: durability is pointless for a throw-away file; foreign keys are checked once at the end.
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  raw.pragma('cache_size = -262144');
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db, 'sqlite');
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    dialect: 'sqlite',
    db,
    url: `sqlite:${path.resolve(file)}`,
    insert: async (table, columns, rows) => {
      const key = `${table}(${columns.map((c) => c[0]).join(',')})`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = raw.prepare(`insert into ${table} (${columns.map((c) => c[0]).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(key, stmt);
      }
      for (const r of rows) stmt.run(r);
    },
    transaction: async (fn) => {
      raw.exec('begin');
      try {
        const out = await fn();
        raw.exec('commit');
        return out;
      } catch (err) {
        raw.exec('rollback');
        throw err;
      }
    },
    finish: async () => {
      const broken = raw.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`generated data breaks ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
      raw.exec('analyze');
      raw.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: () => db.destroy(),
  };
}

async function openPostgresTarget(url: string): Promise<BulkTarget> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    const exists = (await adminClient.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0;
    if (exists > 0) {
      // Only databases this tool made are dropped; anything else is someone's data.
      if (!name.startsWith('gh_bench')) throw new Error(`database ${name} exists; name a new one, or one starting with gh_bench to replace it`);
      await adminClient.query(`drop database ${name} with (force)`);
    }
    await adminClient.query(`create database ${name}`);
  } finally {
    await adminClient.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres');
  const client = await pool.connect();
  await client.query('set synchronous_commit = off');
  return {
    dialect: 'postgres',
    db,
    url,
    insert: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
      const casts = columns.map((c, i) => `$${i + 1}::${c[1] === 'int' ? 'bigint' : 'text'}[]`).join(', ');
      await client.query(`insert into ${table} (${columns.map((c) => c[0]).join(', ')}) select * from unnest(${casts})`, arrays);
    },
    transaction: async (fn) => {
      await client.query('begin');
      try {
        const out = await fn();
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback');
        throw err;
      }
    },
    finish: async (tables) => {
      for (const t of tables) {
        await client.query(`select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`);
      }
      await client.query('analyze');
    },
    close: async () => {
      client.release();
      await db.destroy();
    },
  };
}

/** Row counts of the given tables. */
export async function countRows(db: Db, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]?.n ?? 0);
  return out;
}
