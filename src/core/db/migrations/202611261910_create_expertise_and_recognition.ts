import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** Demonstrated expertise, reputation, badges, leaderboard setting (owned by src/people/expertise). */
export const createExpertiseAndRecognition: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    // One row per member, kind of evidence and subject (an answer or an article): the rollup that
    // expertise, reputation and leaderboards read. Re-derived per subject when it changes.
    await withId(db.schema.createTable('expertise_evidence'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('expertise_evidence_unique', ['user_id', 'kind', 'subject_type', 'subject_id'])
      .execute();
    await db.schema.createIndex('expertise_evidence_subject_idx').on('expertise_evidence').columns(['subject_type', 'subject_id']).execute();
    await db.schema.createIndex('expertise_evidence_community_idx').on('expertise_evidence').columns(['community_id', 'user_id']).execute();
    // The tags of each evidence row's subject (a topic's or an article's tags), for per-tag expertise.
    await db.schema
      .createTable('expertise_evidence_tags')
      .addColumn('evidence_id', 'integer', (c) => c.notNull().references('expertise_evidence.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('expertise_evidence_tags_pk', ['evidence_id', 'tag'])
      .execute();
    await db.schema.createIndex('expertise_evidence_tags_tag_idx').on('expertise_evidence_tags').columns(['tag', 'evidence_id']).execute();
    // Badges: awarded once per member and badge (scope '' for organisation-wide badges).
    await withId(db.schema.createTable('user_badges'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('badge', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('set null'))
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'integer')
      .addColumn('awarded_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('user_badges_unique', ['user_id', 'badge', 'scope'])
      .execute();
    await db.schema.createIndex('user_badges_user_idx').on('user_badges').columns(['user_id', 'awarded_at']).execute();
    // Deriving an answer's evidence looks up when it was accepted ('answer.accepted' on the post).
    await db.schema.createIndex('activity_subject_idx').on('activity').columns(['subject_type', 'subject_id', 'verb']).execute();
    // A community's recognition settings; a missing row means the defaults (leaderboard on).
    await db.schema
      .createTable('community_recognition_settings')
      .addColumn('community_id', 'integer', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
      .addColumn('leaderboard_enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .execute();
  },
};
