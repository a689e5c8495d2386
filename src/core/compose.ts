import { createLocalBus } from './bus/index.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { createLog, type Log } from './log.ts';
import { createMailer } from './mail/index.ts';

/** The composition root: opens the database, applies migrations and builds `deps`. */
export async function createDeps(config: Config, opts: { log?: Log; clock?: Clock } = {}): Promise<{ deps: Deps; close: () => Promise<void> }> {
  const log = opts.log ?? createLog(config);
  const handle = openDatabase(config.databaseUrl, log, { synchronous: config.sqliteSynchronous, cacheMb: config.sqliteCacheMb, backgroundCheckpoints: config.sqliteBackgroundCheckpoints, pgPrepared: config.pgPreparedStatements });
  const applied = await migrateToLatest(handle.db, handle.info.dialect);
  if (applied.length > 0) log.info({ applied }, 'applied migrations');
  const deps: Deps = {
    config,
    db: handle.db,
    dbInfo: handle.info,
    bus: createLocalBus(),
    mail: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    clock: opts.clock ?? systemClock,
    log,
  };
  return { deps, close: handle.close };
}
