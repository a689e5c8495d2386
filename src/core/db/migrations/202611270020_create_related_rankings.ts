import type { AnyDb, Migration } from './helpers.ts';

/**
 * A topic's related ranking kept across restarts and shared by every node (issue 6; docs/related.md):
 * one row per topic and ranking variant (method and depth), replaced whole when it is ranked again.
 */
export const createRelatedRankings: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('related_rankings')
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('variant', 'text', (c) => c.notNull())
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('ranked', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_rankings_pk', ['topic_id', 'variant'])
      .execute();
  },
};
