import { sql } from 'kysely';
import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/**
 * The full-text search index (owned by src/search). `search_docs` holds one row per searchable thing;
 * SQLite indexes it with an external-content FTS5 table kept by triggers, PostgreSQL with a weighted
 * generated tsvector and a GIN index. The search code fills it; this only makes the structure.
 */
export const createSearchIndex: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('search_docs'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'integer')
      .addColumn('topic_id', 'integer')
      .addColumn('author_id', 'integer')
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('extra', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('state', 'text')
      .addColumn('solved', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_docs_ref_idx').on('search_docs').columns(['kind', 'ref_id']).unique().execute();
    await db.schema.createIndex('search_docs_community_idx').on('search_docs').columns(['community_id', 'kind']).execute();
    await db.schema.createIndex('search_docs_topic_idx').on('search_docs').columns(['topic_id']).execute();
    await db.schema.createIndex('search_docs_created_idx').on('search_docs').columns(['created_at']).execute();

    if (dialect === 'postgres') {
      await sql`alter table search_docs add column tsv tsvector generated always as (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, tags || ' ' || extra), 'B') ||
          setweight(to_tsvector('english'::regconfig, body), 'C')
        ) stored`.execute(db);
      await sql`create index search_docs_tsv_idx on search_docs using gin (tsv)`.execute(db);
      return;
    }

    await sql`create virtual table search_fts using fts5(
        title, tags, extra, body,
        content='search_docs', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
      )`.execute(db);
    await sql`create trigger search_docs_ai after insert on search_docs begin
        insert into search_fts(rowid, title, tags, extra, body) values (new.id, new.title, new.tags, new.extra, new.body);
      end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs begin
        insert into search_fts(search_fts, rowid, title, tags, extra, body) values ('delete', old.id, old.title, old.tags, old.extra, old.body);
      end`.execute(db);
    await sql`create trigger search_docs_au after update of title, tags, extra, body on search_docs begin
        insert into search_fts(search_fts, rowid, title, tags, extra, body) values ('delete', old.id, old.title, old.tags, old.extra, old.body);
        insert into search_fts(rowid, title, tags, extra, body) values (new.id, new.title, new.tags, new.extra, new.body);
      end`.execute(db);
  },
};
