import { sql } from 'kysely';
import type { AnyDb, Migration } from './helpers.ts';

/**
 * glossary_terms.search_key: the term and its synonyms, lower-cased in JavaScript (one per line), so
 * search is case-insensitive for every script on both databases (SQLite's lower() folds ASCII only).
 */
export const addGlossarySearchKey: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('glossary_terms').addColumn('search_key', 'text', (c) => c.notNull().defaultTo('')).execute();
    await sql`update glossary_terms set search_key = lower(term)`.execute(db);
  },
};
