import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** Professional identity on profiles, per-field privacy, declared skills, follows, community tag policy (owned by src/people/profiles). */
export const addProfessionalProfiles: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Profile fields on users (discipline, location, time_zone and bio exist already).
    await db.schema.alterTable('users').addColumn('headline', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('users').addColumn('org_unit', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('users').addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable('users').addColumn('interests', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('users').addColumn('ask_me_about', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('users').addColumn('mentoring_availability', 'text', (c) => c.notNull().defaultTo('not_available')).execute();

    // Who may see each optional field; no row means 'everyone'.
    await db.schema
      .createTable('profile_field_privacy')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('profile_field_privacy_pk', ['user_id', 'field'])
      .execute();

    await withId(db.schema.createTable('user_skills'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('skill_key', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('user_skills_user_key_uq', ['user_id', 'skill_key'])
      .execute();
    await db.schema.createIndex('user_skills_key_idx').on('user_skills').columns(['skill_key', 'user_id']).execute();

    await withId(db.schema.createTable('skill_endorsements'), dialect)
      .addColumn('skill_id', 'integer', (c) => c.notNull().references('user_skills.id').onDelete('cascade'))
      .addColumn('endorser_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('skill_endorsements_uq', ['skill_id', 'endorser_id'])
      .execute();
    await db.schema.createIndex('skill_endorsements_endorser_idx').on('skill_endorsements').column('endorser_id').execute();

    await withId(db.schema.createTable('follows'), dialect)
      .addColumn('follower_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('followee_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('follows_pair_uq', ['follower_id', 'followee_id'])
      .execute();
    await db.schema.createIndex('follows_followee_idx').on('follows').columns(['followee_id', 'id']).execute();
    await db.schema.createIndex('follows_follower_idx').on('follows').columns(['follower_id', 'id']).execute();

    // 'open': unknown tags are created; 'closed': only tags in community_tags are accepted.
    await db.schema.alterTable('communities').addColumn('tag_policy', 'text', (c) => c.notNull().defaultTo('open')).execute();
  },
};
