import type { AnyDb, Migration } from './helpers.ts';

/** The newcomer voice rollup of src/analytics/inclusion (src/core/db/tables/analytics-inclusion.ts). */
export const createAnalyticsInclusion: Migration = {
  async up(db: AnyDb) {
    let t = db.schema.createTable('analytics_inclusion_months').addColumn('community_id', 'integer', (c) => c.notNull()).addColumn('month', 'text', (c) => c.notNull());
    for (const col of ['active', 'newcomer_active', 'contributors', 'newcomer_contributors', 'contributions', 'newcomer_contributions']) t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
    await t.addPrimaryKeyConstraint('analytics_inclusion_months_pk', ['community_id', 'month']).execute();
  },
};
