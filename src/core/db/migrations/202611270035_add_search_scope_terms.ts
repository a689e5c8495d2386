import { sql } from 'kysely';
import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/**
 * PostgreSQL: the search GIN index (202611270030) also gets the document's kind and community as
 * lexemes (`~kpost`, `~c12`; `~c` for members), so a search in one community or of one kind is
 * narrowed inside the index: a common word in a small community read its whole posting list
 * (309,000 entries, 76–280 ms at 1M posts) and then the heap for every match of the period. Built
 * as a new index, then the old one dropped. SQLite: nothing.
 *
 * The expression must stay identical to `docTerms` in src/search/search.pg.ts (a test checks the
 * planner uses this index).
 */
export const addSearchScopeTerms: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    if (dialect !== 'postgres') return;
    // A GIN build over a million documents spills to disk with the default 64 MB.
    await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await sql`create index if not exists search_docs_scoped_terms_idx on search_docs using gin ((tsv || array_to_tsvector(array[
        '~' || substr(created_at, 1, 4), '~' || substr(created_at, 1, 7), '~' || substr(created_at, 1, 9),
        '~k' || kind, '~c' || coalesce(community_id::text, '')])))`.execute(db);
    await sql`drop index if exists search_docs_terms_idx`.execute(db);
  },
};
