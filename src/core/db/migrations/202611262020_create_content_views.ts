import type { Migration } from './helpers.ts';

/** STUB — to be written by its owner (see /work/helper-brief.md). Create the tables of src/core/db/tables/content-views.ts. */
export const createContentViews: Migration = {
  async up() {},
};
