import type { Bus } from './bus/index.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, DbInfo } from './db/index.ts';
import type { Log } from './log.ts';
import type { Mailer } from './mail/index.ts';

/** Everything a feature needs from the outside world, built once in the composition root. */
export interface Deps {
  config: Config;
  db: Db;
  dbInfo: DbInfo;
  bus: Bus;
  mail: Mailer;
  clock: Clock;
  log: Log;
}
