import { withId, type AnyDb, type Migration, type MigrationDialect } from './helpers.ts';

/**
 * Answer invitations, response targets and escalations (owned by src/people/routing).
 * - answer_invitations: one row per (question, invitee); `state` open or declined. Fulfilment is not
 *   stored: an open invitation stops counting once the invitee has answered (read from posts).
 * - routing_settings: a community's response target in hours (no row: the default).
 * - question_escalations: one row per escalation round of a question.
 */
export const createQuestionRouting: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('answer_invitations'), dialect)
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('invitee_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('member'))
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('declined_at', 'text')
      .addUniqueConstraint('answer_invitations_topic_invitee', ['topic_id', 'invitee_id'])
      .execute();
    await db.schema.createIndex('answer_invitations_invitee').on('answer_invitations').columns(['invitee_id', 'state', 'id']).execute();
    await db.schema.createIndex('answer_invitations_community').on('answer_invitations').columns(['community_id', 'state']).execute();

    await db.schema
      .createTable('routing_settings')
      .addColumn('community_id', 'integer', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
      .addColumn('response_target_hours', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('question_escalations'), dialect)
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('invited_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('question_escalations_topic_round', ['topic_id', 'round'])
      .execute();
    await db.schema.createIndex('question_escalations_community').on('question_escalations').columns(['community_id', 'created_at']).execute();
  },
};
