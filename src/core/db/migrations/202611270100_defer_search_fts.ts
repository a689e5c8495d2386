import { sql } from 'kysely';
import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/**
 * SQLite: the FTS5 index follows `search_docs` in batches instead of row by row (issue 6). Adding one
 * document to FTS5 in its own transaction cost ~0.5–0.9 ms at 1M posts (a new segment per commit, and
 * the merges it sets off), a third of a reply's time; fifty at once cost ~0.08 ms each.
 *
 * `search_fts_state.indexed_through` is a watermark: every document with `id <= indexed_through` is in
 * FTS5 with its current text, every document above it is not yet (src/search/search.flush.ts adds them,
 * moving the mark, in one transaction). The triggers keep that true: an insert, update or delete of a
 * document at or below the mark changes FTS5 at once, as before; above it, FTS5 is left alone (the
 * flush will read the row as it is then, or never, if it was deleted). Ids only grow (AUTOINCREMENT),
 * so new documents land above the mark. Everything is indexed when this runs: the mark starts at the
 * highest id. PostgreSQL: nothing (its tsvector is a generated column).
 */
export const deferSearchFts: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    if (dialect !== 'sqlite') return;
    await sql`create table search_fts_state (id integer primary key check (id = 1), indexed_through integer not null)`.execute(db);
    await sql`insert into search_fts_state (id, indexed_through) select 1, coalesce(max(id), 0) from search_docs`.execute(db);
    await sql`drop trigger search_docs_ai`.execute(db);
    await sql`drop trigger search_docs_ad`.execute(db);
    await sql`drop trigger search_docs_au`.execute(db);
    const mark = sql`(select indexed_through from search_fts_state where id = 1)`;
    await sql`create trigger search_docs_ai after insert on search_docs when new.id <= ${mark} begin
        insert into search_fts(rowid, title, tags, extra, body) values (new.id, new.title, new.tags, new.extra, new.body);
      end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs when old.id <= ${mark} begin
        insert into search_fts(search_fts, rowid, title, tags, extra, body) values ('delete', old.id, old.title, old.tags, old.extra, old.body);
      end`.execute(db);
    await sql`create trigger search_docs_au after update of title, tags, extra, body on search_docs when old.id <= ${mark} begin
        insert into search_fts(search_fts, rowid, title, tags, extra, body) values ('delete', old.id, old.title, old.tags, old.extra, old.body);
        insert into search_fts(rowid, title, tags, extra, body) values (new.id, new.title, new.tags, new.extra, new.body);
      end`.execute(db);
  },
};
