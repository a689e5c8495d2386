import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Where imported things came from: site, original id and URL (owned by src/importers/stackexchange). */
export const createImportSources: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the feature that owns it.
  },
};
