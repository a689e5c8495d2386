import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/**
 * Content views (one row per member, item and UTC day: the dedupe of `topic.viewed` /
 * `article.viewed`) and the knowledge-health rollups kept by the analytics refresh
 * (docs/analytics/knowledge.md).
 */
export const createContentViews: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    const real = dialect === 'postgres' ? 'double precision' : 'real';
    await db.schema
      .createTable('content_views')
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('content_views_pk', ['user_id', 'subject_type', 'subject_id', 'day'])
      .execute();
    await db.schema
      .createTable('analytics_knowledge_months')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('articles_created', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('links', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_knowledge_months_pk', ['community_id', 'month'])
      .execute();
    await db.schema
      .createTable('analytics_article_months')
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('links', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_article_months_pk', ['article_id', 'month'])
      .execute();
    // Covering: the most-reused list sums a window of a community's rows from the index alone.
    await db.schema.createIndex('analytics_article_months_community_idx').on('analytics_article_months').columns(['community_id', 'month', 'article_id', 'views', 'links', 'applied']).execute();
    await db.schema
      .createTable('analytics_knowledge_tags')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('score', real, (c) => c.notNull())
      .addColumn('evidence', 'integer', (c) => c.notNull())
      .addColumn('holders', 'integer', (c) => c.notNull())
      .addColumn('top1_user_id', 'integer')
      .addColumn('top1_score', real, (c) => c.notNull().defaultTo(0))
      .addColumn('top2_user_id', 'integer')
      .addColumn('top2_score', real, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_knowledge_tags_pk', ['community_id', 'tag'])
      .execute();
    await db.schema
      .createTable('analytics_article_link_sources')
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'integer', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_article_link_sources_pk', ['source_type', 'source_id', 'article_id'])
      .execute();
    await db.schema
      .createTable('analytics_member_last')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_member_last_pk', ['community_id', 'user_id'])
      .execute();
  },
};
