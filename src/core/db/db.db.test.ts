import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgAvailable, openTestDb, describeEachDialect } from '../../../test/helpers/db.ts';
import { TEST_DATABASE_URL } from '../../../test/helpers/pg.ts';
import { openPostgres, openSqlite } from './index.ts';
import { migrateToLatest } from './migrate.ts';
import { createLog } from '../log.ts';

describeEachDialect('migrations', (dialect) => {
  it('creates every table and applies nothing the second time', async () => {
    const h = await openTestDb(dialect);
    try {
      expect(await migrateToLatest(h.db, dialect)).toEqual([]);
      const tables = (await h.db.introspection.getTables()).map((t) => t.name);
      for (const t of ['users', 'sessions', 'password_resets', 'api_tokens', 'communities', 'memberships', 'activity', 'topics', 'posts']) {
        expect(tables).toContain(t);
      }
    } finally {
      await h.close();
    }
  });
});

describe('SQLite durability settings', () => {
  it('opens in WAL mode with synchronous=NORMAL and keeps a committed write across a reopen', async () => {
    const h = await openTestDb('sqlite');
    const file = `${h.dataDir}/test.db`;
    expect(h.info.pragmas).toMatchObject({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1 });
    const now = new Date().toISOString();
    await h.db.insertInto('users').values({ username: 'durable', email: 'd@example.test', password_hash: null, display_name: 'D', bio: '', discipline: '', location: '', time_zone: '', role: 'member', created_at: now, updated_at: now }).execute();
    await h.db.destroy();
    const again = openSqlite(file);
    const row = await again.db.selectFrom('users').select('username').executeTakeFirst();
    expect(row?.username).toBe('durable');
    await again.close();
  });

  it('syncs every commit when asked for FULL (SQLITE_SYNCHRONOUS=full) and sizes the page cache (SQLITE_CACHE_MB)', async () => {
    const h = await openTestDb('sqlite');
    await h.close();
    const full = openSqlite(`${h.dataDir}/test.db`, { synchronous: 'full', cacheMb: 8 });
    expect(full.info.pragmas).toMatchObject({ journal_mode: 'wal', synchronous: 2 });
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(full.db);
    expect(rows[0]?.cache_size).toBe(-8192);
    await full.close();
  });
});

// Runs only when PostgreSQL is reachable (global-setup reports it when it is not).
describe.skipIf(!pgAvailable)('PostgreSQL pool', () => {
  it('survives the server killing its connections and serves the next query', async () => {
    const h = openPostgres(TEST_DATABASE_URL, createLog({ logLevel: 'silent' }), { max: 2 });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(h.db);
      const pid = rows[0]!.pid;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      // The idle client's error is handled by the pool's error handler instead of crashing the process.
      await new Promise((r) => setTimeout(r, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(h.db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await h.close();
    }
  });
});
