import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';
import { withId } from './helpers.ts';

/**
 * Value-creation stories (src/analytics/value): the story in its prompts, the cycles it reaches, the
 * threads, articles and events it links; and the generic monthly verb rollup the value matrix reads
 * (docs/analytics/value.md).
 */
export const createValueStories: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    await withId(db.schema.createTable('value_stories'), dialect)
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('happened', 'text', (c) => c.notNull())
      .addColumn('gained', 'text', (c) => c.notNull())
      .addColumn('value_kind', 'text', (c) => c.notNull().defaultTo('immediate'))
      .addColumn('applied', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('realized', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reframing', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('value_stories_community_time_idx').on('value_stories').columns(['community_id', 'created_at', 'id']).execute();

    // One row per cycle a story reaches, so the matrix counts stories per cycle from an index.
    await db.schema
      .createTable('value_story_cycles')
      .addColumn('story_id', 'integer', (c) => c.notNull().references('value_stories.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('cycle', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('value_story_cycles_pk', ['story_id', 'cycle'])
      .execute();
    await db.schema.createIndex('value_story_cycles_community_idx').on('value_story_cycles').columns(['community_id', 'cycle', 'created_at']).execute();

    // target_type 'topic' | 'article' | 'event' (events: for when the calendar lands).
    await db.schema
      .createTable('value_story_links')
      .addColumn('story_id', 'integer', (c) => c.notNull().references('value_stories.id').onDelete('cascade'))
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('value_story_links_pk', ['story_id', 'target_type', 'target_id'])
      .execute();
    await db.schema.createIndex('value_story_links_target_idx').on('value_story_links').columns(['target_type', 'target_id']).execute();

    // Activity rows per (community, month, verb, subject type): all actors, and person accounts only.
    await db.schema
      .createTable('analytics_verb_months')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('verb', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('people', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_verb_months_pk', ['community_id', 'month', 'verb', 'subject_type'])
      .execute();
  },
};
