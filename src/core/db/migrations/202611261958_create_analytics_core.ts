import type { AnyDb, Migration } from './helpers.ts';

/**
 * The analytics refresh's bookkeeping (how far into the activity stream the rollups are) and the
 * account kind that keeps staff and bots out of participation figures (docs/analytics.md).
 */
export const createAnalyticsCore: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('analytics_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last_activity_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('refreshed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('users').addColumn('account_kind', 'text', (c) => c.notNull().defaultTo('person')).execute();
  },
};
