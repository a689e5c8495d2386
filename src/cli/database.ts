import type { Config } from '../core/config.ts';
import { openDatabase, type Db } from '../core/db/index.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { createLog } from '../core/log.ts';

/** CLI commands import and export in bulk: a larger SQLite page cache keeps an index rebuild from spilling. */
const BULK_CACHE_MB = 64;

/**
 * Opens the configured database, applies pending migrations, runs `fn`, and always closes it.
 * Commands other than `serve` log only warnings, so their output stays readable.
 */
export async function withDatabase<T>(config: Config, fn: (db: Db, applied: string[]) => Promise<T>): Promise<T> {
  const log = createLog({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const handle = openDatabase(config.databaseUrl, log, { synchronous: config.sqliteSynchronous, cacheMb: Math.max(config.sqliteCacheMb, BULK_CACHE_MB) });
  try {
    const applied = await migrateToLatest(handle.db, handle.info.dialect);
    return await fn(handle.db, applied);
  } finally {
    await handle.close();
  }
}

/** Where the database is, for messages (never prints a password in a URL). */
export function describeDatabase(config: Config): string {
  if (config.dialect === 'sqlite') return config.databaseUrl.slice('sqlite:'.length);
  const u = new URL(config.databaseUrl);
  return `${u.protocol}//${u.host}${u.pathname}`;
}
