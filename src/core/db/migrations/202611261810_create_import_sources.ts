import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/**
 * Where imported things came from (site, original id and URL), links between topics that an import
 * brings (related, duplicate), and a placeholder mark on accounts made for imported authors.
 * Owned by src/importers/stackexchange.
 */
export const createImportSources: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('import_sources'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('site', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('original_id', 'integer', (c) => c.notNull())
      .addColumn('local_id', 'integer', (c) => c.notNull())
      .addColumn('post_id', 'integer')
      .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('license', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_sources_origin_uq', ['site', 'kind', 'original_id'])
      .execute();
    await db.schema.createIndex('import_sources_local_idx').on('import_sources').columns(['kind', 'local_id']).execute();
    await db.schema.createIndex('import_sources_post_idx').on('import_sources').column('post_id').execute();
    await db.schema.createIndex('import_sources_community_idx').on('import_sources').columns(['community_id', 'site']).execute();

    await withId(db.schema.createTable('topic_links'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('target_topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('topic_links_uq', ['topic_id', 'target_topic_id', 'kind'])
      .execute();
    await db.schema.createIndex('topic_links_target_idx').on('topic_links').column('target_topic_id').execute();

    await db.schema.alterTable('users').addColumn('placeholder', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
