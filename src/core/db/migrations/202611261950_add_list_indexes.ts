import type { AnyDb, Migration } from './helpers.ts';
import { sql } from 'kysely';

/**
 * Indexes the lists of issue 6 read by: a community's pinned topics (a partial index: few topics are
 * pinned, and without it the database walks every topic of the community to find them).
 */
export const addListIndexes: Migration = {
  async up(db: AnyDb) {
    await sql`create index topics_pinned_idx on topics (community_id, pinned_at, id) where pinned_at is not null`.execute(db);
  },
};
