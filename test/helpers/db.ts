import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { openPostgres, openSqlite, type DbHandle, type DialectName } from '../../src/core/db/index.ts';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { createLog } from '../../src/core/log.ts';
import { createTestDatabase } from './pg.ts';

export const pgAvailable = process.env.GUILDHALL_TEST_PG === '1';

/**
 * Runs a suite once per database. The PostgreSQL run is skipped (and says so in its name) only when
 * no PostgreSQL is reachable; global-setup prints why.
 */
export function describeEachDialect(name: string, fn: (dialect: DialectName) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  // Skipped only when no PostgreSQL server answers at TEST_DATABASE_URL (reported by global-setup).
  describe.skipIf(!pgAvailable)(`${name} [postgres${pgAvailable ? '' : ': SKIPPED, not reachable'}]`, () => fn('postgres'));
}

/** A fresh, migrated database: a temp SQLite file, or a new database on the test PostgreSQL server. */
export async function openTestDb(dialect: DialectName): Promise<DbHandle & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-test-'));
  if (dialect === 'sqlite') {
    const h = openSqlite(path.join(dataDir, 'test.db'));
    await migrateToLatest(h.db, 'sqlite');
    return {
      ...h,
      dataDir,
      close: async () => {
        await h.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase();
  const h = openPostgres(database.url, createLog({ logLevel: 'silent' }), { max: 5 });
  const dropSchema = database.drop;
  try {
    await migrateToLatest(h.db, 'postgres');
  } catch (err) {
    await h.close();
    await dropSchema();
    throw err;
  }
  return {
    ...h,
    dataDir,
    close: async () => {
      await h.close();
      await dropSchema();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
