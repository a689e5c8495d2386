import type { AnyDb, Migration } from './helpers.ts';
import { sql } from 'kysely';

/** The topics closed as duplicates of a topic, found by index (the topic page lists them; few topics are duplicates). */
export const addDuplicateIndex: Migration = {
  async up(db: AnyDb) {
    await sql`create index topics_duplicate_of_idx on topics (duplicate_of) where duplicate_of is not null`.execute(db);
  },
};
