import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Story fields of articles and thread→article captures (owned by src/knowledge/stories). */
export const addStoriesAndCaptures: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
