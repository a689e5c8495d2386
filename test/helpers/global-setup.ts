import { isPostgresReachable, TEST_DATABASE_URL } from './pg.ts';

/** Runs once before all test files: says loudly whether the PostgreSQL tests will run. */
export default async function setup(): Promise<void> {
  const reachable = await isPostgresReachable();
  process.env.GUILDHALL_TEST_PG = reachable ? '1' : '0';
  if (!reachable) {
    process.stdout.write(`\n⚠ PostgreSQL is not reachable at ${TEST_DATABASE_URL}: the PostgreSQL variants of the database tests are SKIPPED.\n  Set TEST_DATABASE_URL to run them.\n\n`);
  } else {
    process.stdout.write(`\nPostgreSQL tests run against ${TEST_DATABASE_URL}.\n\n`);
  }
}
