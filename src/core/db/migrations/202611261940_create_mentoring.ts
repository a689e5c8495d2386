import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** Mentor offers, mentee requests, mentorships, goals, check-ins, feedback (owned by src/people/mentoring). */
export const createMentoring: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    // One offer per mentor; `taken` counts active mentorships and is only raised by a guarded UPDATE
    // (taken < capacity), which is what keeps every mentor within capacity under concurrent accepts.
    await withId(db.schema.createTable('mentor_offers'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mentor_offers_active_idx').on('mentor_offers').columns(['active', 'id']).execute();
    await db.schema
      .createTable('mentor_offer_skills')
      .addColumn('offer_id', 'integer', (c) => c.notNull().references('mentor_offers.id').onDelete('cascade'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('skill_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentor_offer_skills_pk', ['offer_id', 'skill_key'])
      .execute();
    await db.schema.createIndex('mentor_offer_skills_key_idx').on('mentor_offer_skills').columns(['skill_key', 'offer_id']).execute();

    // A request is 'open' until the mentee names a mentor ('pending'), then 'accepted', 'declined' or 'withdrawn'.
    await withId(db.schema.createTable('mentoring_requests'), dialect)
      .addColumn('mentee_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('mentor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('set null'))
      .addColumn('goals', 'text', (c) => c.notNull())
      .addColumn('goals_html', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .execute();
    await db.schema.createIndex('mentoring_requests_mentee_idx').on('mentoring_requests').columns(['mentee_id', 'id']).execute();
    await db.schema.createIndex('mentoring_requests_mentor_idx').on('mentoring_requests').columns(['mentor_id', 'state', 'id']).execute();
    await db.schema
      .createTable('mentoring_request_skills')
      .addColumn('request_id', 'integer', (c) => c.notNull().references('mentoring_requests.id').onDelete('cascade'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('skill_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentoring_request_skills_pk', ['request_id', 'skill_key'])
      .execute();

    await withId(db.schema.createTable('mentorships'), dialect)
      .addColumn('mentor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('mentee_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('set null'))
      .addColumn('request_id', 'integer', (c) => c.references('mentoring_requests.id').onDelete('set null'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema.createIndex('mentorships_mentor_idx').on('mentorships').columns(['mentor_id', 'state', 'id']).execute();
    await db.schema.createIndex('mentorships_mentee_idx').on('mentorships').columns(['mentee_id', 'state', 'id']).execute();
    await db.schema.createIndex('mentorships_community_idx').on('mentorships').columns(['community_id']).execute();

    await withId(db.schema.createTable('mentorship_goals'), dialect)
      .addColumn('mentorship_id', 'integer', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mentorship_goals_idx').on('mentorship_goals').columns(['mentorship_id', 'id']).execute();

    // Private to the mentor and the mentee.
    await withId(db.schema.createTable('mentorship_checkins'), dialect)
      .addColumn('mentorship_id', 'integer', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mentorship_checkins_idx').on('mentorship_checkins').columns(['mentorship_id', 'id']).execute();

    await db.schema
      .createTable('mentorship_feedback')
      .addColumn('mentorship_id', 'integer', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('rating', 'integer')
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentorship_feedback_pk', ['mentorship_id', 'author_id'])
      .execute();
  },
};
