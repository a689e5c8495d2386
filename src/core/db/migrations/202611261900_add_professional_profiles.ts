import type { AnyDb, Migration, MigrationDialect } from './helpers.ts';

/** Professional identity on profiles, per-field privacy, declared skills, follows, community tag policy (owned by src/people/profiles). */
export const addProfessionalProfiles: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async up(db: AnyDb, dialect: MigrationDialect) {
    // Filled in by the owner (see the comment above).
  },
};
