import type { Config } from '../core/config.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { EXIT, type CliIo } from './io.ts';

/** `guildhall migrate`: applies pending migrations and prints each one applied. */
export async function migrateCommand(config: Config, io: CliIo): Promise<number> {
  const applied = await withDatabase(config, async (_db, names) => names);
  const where = describeDatabase(config);
  if (applied.length === 0) {
    io.out.write(`The database at ${where} is up to date; no migrations to apply.\n`);
  } else {
    io.out.write(`Applied ${applied.length} migration(s) to ${where}:\n`);
    for (const name of applied) io.out.write(`  ${name}\n`);
  }
  return EXIT.ok;
}
