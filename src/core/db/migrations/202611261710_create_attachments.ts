import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Uploaded files attached to articles and posts (owned by src/knowledge/attachments). */
export const createAttachments: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
