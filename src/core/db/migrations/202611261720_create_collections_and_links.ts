import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Collections, back-links and "I applied this" (owned by src/knowledge/collections and src/knowledge/links). */
export const createCollectionsAndLinks: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
