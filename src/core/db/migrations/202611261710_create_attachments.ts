import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/**
 * Uploaded files attached to articles and posts (owned by src/knowledge/attachments). The bytes live
 * under DATA_DIR/uploads by `storage_key`; `name` is only a sanitised display name.
 */
export const createAttachments: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('attachments'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
      .addColumn('post_id', 'integer', (c) => c.references('posts.id').onDelete('cascade'))
      .addColumn('uploader_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_community_idx').on('attachments').columns(['community_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('attachments_article_idx').on('attachments').column('article_id').execute();
    await db.schema.createIndex('attachments_post_idx').on('attachments').column('post_id').execute();
  },
};
