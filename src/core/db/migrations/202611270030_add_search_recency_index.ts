import { sql } from 'kysely';
import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/**
 * PostgreSQL: replaces the GIN index on `search_docs.tsv` with one on the tsvector plus three date
 * lexemes of the document (`~2026`, `~2026-11`, `~2026-11-1` = year, month, ten-day period), so a query
 * can ask the index for "matches from this period on" (`q && ('~2026-11' | '~2027')`) and read only
 * the newest matches of a common word from the heap (src/search/search.pg.ts; docs/search.md). The
 * old index is dropped: every query goes through the new expression, and one GIN index is cheaper to
 * keep than two. SQLite: nothing (FTS5 already walks matches newest first by rowid).
 *
 * The expression must stay identical to `docTerms` in src/search/search.pg.ts, or the planner will
 * not use the index (a test checks it does).
 */
export const addSearchRecencyIndex: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    if (dialect !== 'postgres') return;
    // A GIN build over a million documents spills to disk with the default 64 MB.
    await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await sql`create index if not exists search_docs_terms_idx on search_docs using gin ((tsv || array_to_tsvector(array[
        '~' || substr(created_at, 1, 4), '~' || substr(created_at, 1, 7), '~' || substr(created_at, 1, 9)])))`.execute(db);
    await sql`drop index if exists search_docs_tsv_idx`.execute(db);
    // The search asks the planner how many documents a query matches to choose its period. With the
    // default target pg_stats keeps ~1,000 lexemes (down to ~0.6% of documents at 1M posts) and guesses
    // every other word alike; 1,000 keeps ~10,000 (down to ~0.06%); ANALYZE of 1M documents then takes ~16 s.
    await sql`alter table search_docs alter column tsv set statistics 1000`.execute(db);
    await sql`analyze search_docs`.execute(db);
  },
};
