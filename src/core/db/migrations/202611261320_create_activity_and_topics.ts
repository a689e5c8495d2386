import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** The activity stream (one row per act) and the first shape of discussions. */
export const createActivityAndTopics: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('activity'), dialect)
      .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('verb', 'text', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('activity_community_idx').on('activity').columns(['community_id', 'id']).execute();
    await db.schema.createIndex('activity_actor_idx').on('activity').columns(['actor_id', 'id']).execute();

    await withId(db.schema.createTable('topics'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_posted_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('topics_community_latest_idx').on('topics').columns(['community_id', 'last_posted_at', 'id']).execute();

    await withId(db.schema.createTable('posts'), dialect)
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('posts_topic_idx').on('posts').columns(['topic_id', 'id']).execute();
  },
};
