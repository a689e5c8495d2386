import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Mentor offers, mentee requests, mentorships, goals, check-ins, feedback (owned by src/people/mentoring). */
export const createMentoring: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the owner (see the comment above).
  },
};
