import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** The member interaction graph and its metrics (owned by src/people/network). */
export const createMemberNetwork: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the owner (see the comment above).
  },
};
