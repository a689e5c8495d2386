import type { AnyDb, Migration } from './helpers.ts';

/**
 * Who follows a topic or its community is read on every new post (src/notifications/notify.ts). The
 * index on (target_type, target_id) found the rows but then read each from the table; with the level
 * and user in the index the lookup never leaves it (issue 6: a busy topic has hundreds of watchers).
 */
export const coverWatchTargets: Migration = {
  async up(db: AnyDb) {
    await db.schema.createIndex('watches_target_level_idx').on('watches').columns(['target_type', 'target_id', 'level', 'user_id']).execute();
    await db.schema.dropIndex('watches_target_idx').execute();
  },
};
