import type { AnyDb, Migration } from './helpers.ts';
import { sql } from 'kysely';

/** The articles a successor supersedes, found by index (every article page asks: 59 ms → 0.1 ms at 20,000 articles). */
export const addSupersededIndex: Migration = {
  async up(db: AnyDb) {
    await sql`create index articles_superseded_by_idx on articles (superseded_by) where superseded_by is not null`.execute(db);
  },
};
