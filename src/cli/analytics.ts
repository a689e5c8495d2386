import { rebuildAnalytics, refreshAnalytics } from '../analytics/refresh.ts';
import type { Config } from '../core/config.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { EXIT, type CliIo } from './io.ts';

const ANALYTICS_USAGE = `Usage: guildhall analytics refresh   bring the health rollups up to date with the activity stream
       guildhall analytics rebuild   empty them and read the whole activity stream again
`;

/** `guildhall analytics refresh|rebuild`: the health rollups from the command line (docs/analytics.md). */
export async function analyticsCommand(config: Config, io: CliIo, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if ((sub !== 'refresh' && sub !== 'rebuild') || rest.length > 0) {
    io.err.write(sub === undefined ? ANALYTICS_USAGE : `guildhall analytics: unexpected argument "${sub === 'refresh' || sub === 'rebuild' ? rest[0] : sub}"\n\n${ANALYTICS_USAGE}`);
    return EXIT.usage;
  }
  const started = performance.now();
  const r = await withDatabase(config, (db) => (sub === 'rebuild' ? rebuildAnalytics(db, { now: new Date() }) : refreshAnalytics(db, { now: new Date() })));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out.write(`${sub === 'rebuild' ? 'Rebuilt' : 'Refreshed'} the health rollups of ${describeDatabase(config)}: ${r.rows} activity row(s) read in ${seconds} s; up to activity ${r.lastActivityId}.\n`);
  return EXIT.ok;
}
