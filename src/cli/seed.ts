import type { Config } from '../core/config.ts';
import { systemClock } from '../core/clock.ts';
import { seedDemo } from '../demo/seed.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { EXIT, type CliIo } from './io.ts';

/** `guildhall seed`: seeds the demo into an empty database; refuses (exit 1, nothing written) otherwise. */
export async function seedCommand(config: Config, io: CliIo, clock = systemClock): Promise<number> {
  const r = await withDatabase(config, (db) => seedDemo(db, { now: clock.now() }));
  if (!r.seeded) {
    io.err.write(`guildhall seed: not seeding — ${r.reason}.\n`);
    return EXIT.failed;
  }
  io.out.write(`Seeded the demo organisation "${r.organisation}" into ${describeDatabase(config)}: `);
  io.out.write(`${r.counts.users} people, ${r.counts.communities} communities, ${r.counts.topics} topics, ${r.counts.posts} posts, ${r.counts.articles} articles, ${r.counts.terms} glossary terms, ${r.counts.collections} collections.\n`);
  io.out.write(`Sign in as: ${r.username} / ${r.password}\n`);
  return EXIT.ok;
}
