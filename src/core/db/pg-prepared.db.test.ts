import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable } from '../../../test/helpers/db.ts';
import { createTestDatabase } from '../../../test/helpers/pg.ts';
import { createLog } from '../log.ts';
import { openPostgres, type DbHandle } from './index.ts';
import { usePreparedStatements } from './pg-prepared.ts';

// Named prepared statements on PostgreSQL (pg-prepared.ts), against the real server: one connection
// (max 1) so pg_prepared_statements shows what that connection keeps.
describe.skipIf(!pgAvailable)('PostgreSQL prepared statements', () => {
  let database: { url: string; drop(): Promise<void> };
  let h: DbHandle;
  const log = createLog({ logLevel: 'silent' });

  /** The statements the pool's one connection has prepared, by text. */
  async function kept(handle: DbHandle): Promise<string[]> {
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(handle.db);
    return rows.map((r) => r.statement);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    h = openPostgres(database.url, log, { max: 1 });
    await sql`create table things (id int primary key, name text not null)`.execute(h.db);
    await sql`insert into things values (1, 'one'), (2, 'two'), (3, 'three')`.execute(h.db);
  });

  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  it('runs a query with parameters as a named statement, parsed once and right for every value', async () => {
    const find = (id: number) => h.db.selectFrom('things' as never).select('name' as never).where('id' as never, '=', id as never).executeTakeFirst() as Promise<{ name: string } | undefined>;
    expect(await find(1)).toEqual({ name: 'one' });
    expect(await find(3)).toEqual({ name: 'three' });
    expect(await find(9)).toBeUndefined();
    const texts = (await kept(h)).filter((t) => t.includes('from "things"'));
    expect(texts).toEqual(['select "name" from "things" where "id" = $1']);
  });

  it('leaves queries without parameters unnamed, so a text with several statements still runs', async () => {
    await sql.raw('update things set name = name; select 1').execute(h.db);
    expect((await kept(h)).some((t) => t.includes('update things'))).toBe(false);
  });

  it('keeps at most perConnection statements on a connection and runs the rest unnamed, with the same answers', async () => {
    // The cap is an option of usePreparedStatements (openPostgres uses the default): a pool of its own.
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    usePreparedStatements(pool, { perConnection: 2 });
    const client = await pool.connect();
    try {
      const names: string[] = [];
      for (const id of [1, 2, 3]) {
        const r = await client.query(`select name from things where id = $1 and ${id} = ${id}`, [id]);
        names.push(r.rows[0].name);
      }
      expect(names).toEqual(['one', 'two', 'three']);
      const { rows } = await client.query('select statement from pg_prepared_statements order by statement');
      expect(rows.map((r) => r.statement)).toEqual(['select name from things where id = $1 and 1 = 1', 'select name from things where id = $1 and 2 = 2']);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it('prepares a statement again after its table changed under it ("cached plan must not change result type")', async () => {
    const all = (id: number) => sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(h.db);
    expect((await all(1)).rows[0]).toEqual({ id: 1, name: 'one' });
    await sql`alter table things add column note text not null default 'n'`.execute(h.db);
    // The plan kept for the old columns no longer fits: that one run fails, the next is prepared anew.
    const first = await all(2).then(
      (r) => r.rows[0],
      (err: { code?: string }) => err.code,
    );
    if (first !== '0A000') expect(first).toEqual({ id: 2, name: 'two', note: 'n' });
    expect((await all(2)).rows[0]).toEqual({ id: 2, name: 'two', note: 'n' });
  });

  it('runs every query unnamed when turned off (prepared: false)', async () => {
    const off = openPostgres(database.url, log, { max: 1, prepared: false });
    try {
      const { rows } = await sql<{ name: string }>`select name from things where id = ${2}`.execute(off.db);
      expect(rows).toEqual([{ name: 'two' }]);
      expect(await kept(off)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
