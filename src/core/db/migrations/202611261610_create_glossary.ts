import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** The community glossary: one row per term; synonyms as a JSON array of strings. */
export const createGlossary: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('glossary_terms'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('term_key', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('definition_html', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('glossary_terms_key_idx').on('glossary_terms').columns(['community_id', 'term_key']).unique().execute();
  },
};
