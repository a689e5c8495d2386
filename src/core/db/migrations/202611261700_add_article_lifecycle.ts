import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** Best-practice lifecycle: transitions, endorsements, review dates, per-community knowledge settings (owned by src/knowledge/lifecycle). */
export const addArticleLifecycle: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await db.schema.alterTable('articles').addColumn('superseded_by', 'integer', (c) => c.references('articles.id').onDelete('set null')).execute();
    await db.schema.alterTable('articles').addColumn('reviewed_at', 'text').execute();
    await db.schema.alterTable('articles').addColumn('review_due_at', 'text').execute();
    await db.schema.alterTable('articles').addColumn('endorsement_round', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.createIndex('articles_review_due_idx').on('articles').columns(['state', 'review_due_at']).execute();
    await withId(db.schema.createTable('article_transitions'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('successor_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_transitions_article_idx').on('article_transitions').columns(['article_id', 'id']).execute();
    await db.schema
      .createTable('article_endorsements')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_endorsements_pk', ['article_id', 'round', 'user_id'])
      .execute();
    await db.schema
      .createTable('community_knowledge_settings')
      .addColumn('community_id', 'integer', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
      .addColumn('wiki_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('members_edit_all', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('steward_endorsement', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('endorsements_required', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('review_interval_days', 'integer', (c) => c.notNull().defaultTo(180))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .execute();
  },
};
