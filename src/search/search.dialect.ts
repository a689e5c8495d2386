import { PostgresAdapter, type Kysely } from 'kysely';

/** Which full-text engine a database (or a transaction on it) has: FTS5 on SQLite, tsvector on PostgreSQL. */
export function isPostgres(db: Kysely<unknown> | { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
