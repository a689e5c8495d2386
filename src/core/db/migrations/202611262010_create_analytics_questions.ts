import type { Migration } from './helpers.ts';

/** STUB — to be written by its owner (see /work/helper-brief.md). Create the tables of src/core/db/tables/analytics-questions.ts. */
export const createAnalyticsQuestions: Migration = {
  async up() {},
};
