import type { AnyDb, Migration } from './helpers.ts';

/**
 * Rollups of src/analytics/responsiveness and src/analytics/newcomers
 * (src/core/db/tables/analytics-questions.ts): one fact row per question, the first time each member
 * reached each step of the newcomer trajectory, and when a newcomer came back after joining.
 */
export const createAnalyticsQuestions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('analytics_questions')
      .addColumn('topic_id', 'integer', (c) => c.primaryKey())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('asker_id', 'integer', (c) => c.notNull())
      .addColumn('asker_kind', 'text', (c) => c.notNull().defaultTo('person'))
      .addColumn('asker_joined_at', 'text')
      .addColumn('asked_at', 'text', (c) => c.notNull())
      .addColumn('first_response_at', 'text')
      .addColumn('first_responder_id', 'integer')
      .addColumn('response_seconds', 'integer')
      .addColumn('accepted_at', 'text')
      .addColumn('accepted_seconds', 'integer')
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('analytics_questions_community_asked_idx').on('analytics_questions').columns(['community_id', 'asked_at']).execute();
    await db.schema.createIndex('analytics_questions_asker_idx').on('analytics_questions').column('asker_id').execute();

    await db.schema
      .createTable('analytics_milestones')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_milestones_pk', ['community_id', 'user_id', 'step'])
      .execute();

    await db.schema
      .createTable('analytics_newcomer_returns')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('back_30_at', 'text')
      .addColumn('back_90_at', 'text')
      .addPrimaryKeyConstraint('analytics_newcomer_returns_pk', ['community_id', 'user_id'])
      .execute();
    // The newcomer figures start from the members who joined a community in a window.
    await db.schema.createIndex('memberships_community_joined_idx').on('memberships').columns(['community_id', 'created_at']).execute();
  },
};
