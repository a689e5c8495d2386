import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** The full-text search index: FTS5 on SQLite, tsvector + GIN on PostgreSQL (owned by src/search). */
export const createSearchIndex: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
