import type { AnyDb, Migration } from './helpers.ts';

/** Rollups of src/analytics/activity (src/core/db/tables/analytics-activity.ts). */
export const createAnalyticsActivity: Migration = {
  async up(db: AnyDb) {
    let mm = db.schema.createTable('analytics_member_months').addColumn('community_id', 'integer', (c) => c.notNull()).addColumn('month', 'text', (c) => c.notNull()).addColumn('user_id', 'integer', (c) => c.notNull());
    for (const col of ['contributions', 'questions', 'answers', 'replies', 'articles', 'comments', 'events', 'reactions', 'views', 'accepted', 'acts']) mm = mm.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
    await mm.addColumn('first_at', 'text').addColumn('last_at', 'text').addPrimaryKeyConstraint('analytics_member_months_pk', ['community_id', 'month', 'user_id']).execute();
    await db.schema.createIndex('analytics_member_months_member_idx').on('analytics_member_months').columns(['community_id', 'user_id', 'month']).execute();
    // A change of account kind recomputes every month the member has rows in, across communities.
    await db.schema.createIndex('analytics_member_months_user_idx').on('analytics_member_months').column('user_id').execute();

    let days = db.schema.createTable('analytics_community_days').addColumn('community_id', 'integer', (c) => c.notNull()).addColumn('day', 'text', (c) => c.notNull());
    for (const col of ['active_members', 'contributors', 'contributions', 'posts', 'questions', 'answers', 'articles', 'events', 'joins']) days = days.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
    await days.addPrimaryKeyConstraint('analytics_community_days_pk', ['community_id', 'day']).execute();

    await db.schema
      .createTable('analytics_community_weeks')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('active_members', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('contributors', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_community_weeks_pk', ['community_id', 'week'])
      .execute();

    let months = db.schema.createTable('analytics_community_months').addColumn('community_id', 'integer', (c) => c.notNull()).addColumn('month', 'text', (c) => c.notNull());
    for (const col of ['members', 'new_members', 'active_members', 'contributors', 'contributions', 'posts', 'questions', 'answers', 'replies', 'articles', 'comments', 'events', 'core', 'active', 'occasional', 'peripheral', 'transactional', 'inactive', 'moved_inward', 'held', 'moved_outward', 'population', 'absence_factor']) months = months.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
    for (const col of ['gini', 'top1_share', 'next9_share', 'rest_share', 'zero_share']) months = months.addColumn(col, 'double precision', (c) => c.notNull().defaultTo(0));
    await months.addPrimaryKeyConstraint('analytics_community_months_pk', ['community_id', 'month']).execute();

    await db.schema
      .createTable('analytics_member_levels')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('contributions', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_member_levels_pk', ['community_id', 'month', 'user_id'])
      .execute();
    await db.schema.createIndex('analytics_member_levels_level_idx').on('analytics_member_levels').columns(['community_id', 'month', 'level', 'contributions']).execute();

    await db.schema
      .createTable('analytics_level_flows')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('from_level', 'text', (c) => c.notNull())
      .addColumn('to_level', 'text', (c) => c.notNull())
      .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('analytics_level_flows_pk', ['community_id', 'month', 'from_level', 'to_level'])
      .execute();
  },
};
