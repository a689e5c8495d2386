import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Answer invitations, response targets and escalations (owned by src/people/routing). */
export const createQuestionRouting: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the owner (see the comment above).
  },
};
