import type { AnyDb, Migration } from './helpers.ts';

/**
 * The lifecycle stage of each community per month, with the figures it was read from, kept by the
 * analytics refresh (src/analytics/overview) so the organisation view reads one row per community.
 */
export const createAnalyticsStages: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('analytics_stages')
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_stages_pk', ['community_id', 'month'])
      .execute();
  },
};
