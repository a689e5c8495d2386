import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/**
 * Stories' related threads and articles (story_links), and thread→article captures made by "promote
 * to article" with the thread's contributors (article_captures, capture_contributors). A story's
 * sections live in its Markdown body under fixed headings, so no article columns are added.
 */
export const addStoriesAndCaptures: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('story_links'), dialect)
      .addColumn('story_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('story_links_unique', ['story_id', 'target_type', 'target_id'])
      .execute();
    await db.schema.createIndex('story_links_target_idx').on('story_links').columns(['target_type', 'target_id']).execute();
    await withId(db.schema.createTable('article_captures'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_captures_article_idx').on('article_captures').column('article_id').execute();
    await db.schema.createIndex('article_captures_topic_idx').on('article_captures').column('topic_id').execute();
    await db.schema
      .createTable('capture_contributors')
      .addColumn('capture_id', 'integer', (c) => c.notNull().references('article_captures.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('capture_contributors_pk', ['capture_id', 'user_id'])
      .execute();
  },
};
