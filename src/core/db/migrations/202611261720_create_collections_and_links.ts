import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** Collections, back-links and "I applied this" (owned by src/knowledge/collections and src/knowledge/links). */
export const createCollectionsAndLinks: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('collections'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('collections_community_idx').on('collections').columns(['community_id', 'updated_at', 'id']).execute();
    // An item points at an article or a topic of the collection's community (checked by the service).
    await withId(db.schema.createTable('collection_items'), dialect)
      .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('added_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('collection_items_unique', ['collection_id', 'target_type', 'target_id'])
      .execute();
    await db.schema.createIndex('collection_items_target_idx').on('collection_items').columns(['target_type', 'target_id']).execute();
    // Internal links found in a post or article body, replaced whenever the body is written.
    await db.schema
      .createTable('links')
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'integer', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('links_pk', ['source_type', 'source_id', 'target_type', 'target_id'])
      .execute();
    await db.schema.createIndex('links_target_idx').on('links').columns(['target_type', 'target_id']).execute();
    await db.schema
      .createTable('applied')
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('applied_pk', ['subject_type', 'subject_id', 'user_id'])
      .execute();
  },
};
