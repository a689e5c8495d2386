import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Best-practice lifecycle: transitions, endorsements, review dates, per-community knowledge settings (owned by src/knowledge/lifecycle). */
export const addArticleLifecycle: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
