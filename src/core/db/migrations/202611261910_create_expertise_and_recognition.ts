import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Demonstrated expertise, reputation, badges, leaderboard setting (owned by src/people/expertise). */
export const createExpertiseAndRecognition: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the owner (see the comment above).
  },
};
