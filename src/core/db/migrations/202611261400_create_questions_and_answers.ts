import { sql } from 'kysely';
import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/**
 * Discussions and Q&A: kinds of post, votes, accepted answers, comments, revisions, tags,
 * cross-posts, moderation state, reactions, bookmarks, watching, notifications and read state.
 */
export const createQuestionsAndAnswers: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    const topicColumns: Array<[string, 'text' | 'integer', string | number | null]> = [
      ['accepted_post_id', 'integer', null],
      ['answer_count', 'integer', 0],
      ['pinned_at', 'text', null],
      ['locked_at', 'text', null],
      ['closed_at', 'text', null],
      ['close_reason', 'text', null],
      ['close_note', 'text', ''],
      ['duplicate_of', 'integer', null],
      ['merged_into', 'integer', null],
      ['deleted_at', 'text', null],
      ['deleted_reason', 'text', ''],
      ['deleted_by', 'integer', null],
    ];
    for (const [name, type, dflt] of topicColumns) {
      await db.schema.alterTable('topics').addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt))).execute();
    }
    const postColumns: Array<[string, 'text' | 'integer', string | number | null]> = [
      ['kind', 'text', 'reply'],
      ['body_html', 'text', ''],
      ['score', 'integer', 0],
      ['comment_count', 'integer', 0],
      ['edited_at', 'text', null],
      ['deleted_at', 'text', null],
      ['deleted_reason', 'text', ''],
      ['deleted_by', 'integer', null],
    ];
    for (const [name, type, dflt] of postColumns) {
      await db.schema.alterTable('posts').addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt))).execute();
    }
    // Existing data: a topic's first post is its opening post; replies to questions are answers.
    await sql`update posts set kind = 'opening' where id in (select min(id) from posts group by topic_id)`.execute(db);
    await sql`update posts set kind = 'answer' where kind = 'reply' and topic_id in (select id from topics where kind = 'question')`.execute(db);
    await sql`update topics set answer_count = reply_count where kind = 'question'`.execute(db);
    await db.schema.alterTable('communities').addColumn('accept_by', 'text', (c) => c.notNull().defaultTo('asker_or_steward')).execute();

    await db.schema
      .createTable('topic_tags')
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_tags_pk', ['topic_id', 'tag'])
      .execute();
    await db.schema.createIndex('topic_tags_community_tag_idx').on('topic_tags').columns(['community_id', 'tag']).execute();

    await db.schema
      .createTable('topic_crossposts')
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_crossposts_pk', ['topic_id', 'community_id'])
      .execute();
    await db.schema.createIndex('topic_crossposts_community_idx').on('topic_crossposts').column('community_id').execute();

    await db.schema
      .createTable('votes')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('votes_pk', ['post_id', 'user_id'])
      .execute();

    await withId(db.schema.createTable('comments'), dialect)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('comments_post_idx').on('comments').columns(['post_id', 'id']).execute();

    await withId(db.schema.createTable('post_revisions'), dialect)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('editor_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('post_revisions_post_revision_uq', ['post_id', 'revision'])
      .execute();

    await db.schema
      .createTable('reactions')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('reaction', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reactions_pk', ['post_id', 'user_id', 'reaction'])
      .execute();

    await db.schema
      .createTable('bookmarks')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('bookmarks_pk', ['user_id', 'post_id'])
      .execute();

    await db.schema
      .createTable('watches')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('watches_pk', ['user_id', 'target_type', 'target_id'])
      .execute();
    await db.schema.createIndex('watches_target_idx').on('watches').columns(['target_type', 'target_id']).execute();

    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
      .addColumn('topic_id', 'integer', (c) => c.references('topics.id').onDelete('cascade'))
      .addColumn('post_id', 'integer', (c) => c.references('posts.id').onDelete('cascade'))
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();

    await db.schema
      .createTable('topic_reads')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('last_read_post_id', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_reads_pk', ['user_id', 'topic_id'])
      .execute();

    await db.schema.createIndex('topics_community_created_idx').on('topics').columns(['community_id', 'created_at', 'id']).execute();
  },
};
