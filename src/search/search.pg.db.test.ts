import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, pgAvailable } from '../../test/helpers/db.ts';
import type { DbHandle } from '../core/db/index.ts';
import { docTerms, newestMatches, periodsFrom, scopeOf } from './search.pg.ts';

describe('scopeOf', () => {
  it('names the community and kinds as index lexemes, or nothing', () => {
    expect(scopeOf([12], ['topic', 'post'])).toBe("('~c12') & ('~ktopic' | '~kpost')");
    expect(scopeOf([3, 4], [])).toBe("('~c3' | '~c4')");
    expect(scopeOf([], ['article'])).toBe("('~karticle')");
    expect(scopeOf([], [])).toBeNull();
  });
});

describe('periodsFrom', () => {
  it('covers the rest of the ten-day period, month and year, then every later year', () => {
    expect(periodsFrom('2026-10-14T01:31:47.457Z', 2027)).toBe("'~2026-10-1' | '~2026-10-2' | '~2026-10-3' | '~2026-11' | '~2026-12' | '~2027'");
    expect(periodsFrom('2026-12-31T00:00:00.000Z', 2026)).toBe("'~2026-12-3'");
    expect(periodsFrom('2026-06-05T00:00:00.000Z', 2027)).toBe("'~2026-06' | '~2026-07' | '~2026-08' | '~2026-09' | '~2026-10' | '~2026-11' | '~2026-12' | '~2027'");
    expect(periodsFrom('2025-01-09T00:00:00.000Z', 2027)).toBe("'~2025' | '~2026' | '~2027'");
    expect(periodsFrom('yesterday', 2027)).toBeNull();
  });
});

/*
 * 3,000 documents over three years (some sharing a timestamp), ANALYZEd so that the planner's
 * estimates and the created_at histogram exist and the period path runs, against the plain answer.
 */
describe.skipIf(!pgAvailable)('newest matches on PostgreSQL (period from the statistics)', () => {
  let h: DbHandle & { dataDir: string };
  const N = 3000;
  const start = Date.parse('2023-01-01T00:00:00.000Z');
  const span = Date.parse('2026-01-01T00:00:00.000Z') - start;

  beforeAll(async () => {
    h = await openTestDb('postgres');
    const docs = Array.from({ length: N }, (_, i) => {
      // Every third pair shares a timestamp, so ties are broken by id.
      const at = new Date(start + Math.floor((Math.floor(i / 2) * 2 * span) / N)).toISOString();
      const words = ['common', i % 10 === 0 ? 'tenth' : 'other', i < N / 3 ? 'early' : 'later'];
      return { kind: i % 5 === 0 ? ('topic' as const) : ('post' as const), ref_id: i + 1, community_id: i < N / 3 ? 1 : 2, label: `Doc ${i}`, title: '', tags: '', extra: '', body: words.join(' '), created_at: at };
    });
    // Inserted in a shuffled order, so ids do not follow dates.
    docs.sort((a, b) => ((a.ref_id * 7919) % N) - ((b.ref_id * 7919) % N));
    for (let i = 0; i < N; i += 500) await h.db.insertInto('search_docs').values(docs.slice(i, i + 500)).execute();
    await sql`analyze search_docs`.execute(h.db);
  });
  afterAll(() => h?.close());

  const plain = async (q: string, where: ReturnType<typeof sql>, limit: number) =>
    (await sql<{ id: number }>`select d.id from search_docs d where d.tsv @@ to_tsquery('english', ${q}) and ${where} order by d.created_at desc, d.id desc limit ${limit}`.execute(h.db)).rows.map((r) => r.id);
  const newest = async (q: string, where: ReturnType<typeof sql>, limit: number, scope: string | null = null, anyWord = false) =>
    (await newestMatches<{ id: number }>(h.db, sql`to_tsquery('english', ${q})`, where, limit, sql`d.id`, { hint: where, scope, anyWord })).map((r) => r.id);

  it('returns exactly the newest matches, newest first, for common and sparser words', async () => {
    for (const [q, limit] of [['common', 100], ['common', 1], ['tenth', 50], ['tenth', 250], ['common & tenth', 20], ['early | tenth', 100]] as const) {
      const want = await plain(q, sql`true`, limit);
      expect(want.length).toBe(limit);
      expect(await newest(q, sql`true`, limit), `${q} ${limit}`).toEqual(want);
      expect(await newest(q, sql`true`, limit, null, true), `${q} ${limit}, any word`).toEqual(want);
    }
  });

  it('widens the period when the filters leave too few recent matches, down to the oldest', async () => {
    // Community 1 holds only the oldest third: the period the estimate suggests holds none of them.
    const old = sql`d.community_id = 1`;
    const third = sql`d.ref_id % 3 = 0`;
    expect(await newest('common', third, 100)).toEqual(await plain('common', third, 100));
    expect(await newest('common', old, 100)).toEqual(await plain('common', old, 100));
    expect(await newest('early', sql`true`, 100)).toEqual(await plain('early', sql`true`, 100));
    // The same, with the community and kind also asked of the index.
    expect(await newest('common', old, 100, scopeOf([1], []))).toEqual(await plain('common', old, 100));
    const topics = sql`d.community_id = 2 and d.kind = 'topic'`;
    expect(await newest('common', topics, 100, scopeOf([2], ['topic']))).toEqual(await plain('common', topics, 100));
    // Fewer matches than asked for: all of them.
    const all = await plain('tenth', old, 1000);
    expect(all.length).toBe(100);
    expect(await newest('tenth', old, 1000)).toEqual(all);
  });

  it('is answered from the GIN index on the expression the migrations built', async () => {
    const plan = await h.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      return (await sql<{ 'QUERY PLAN': string }>`explain select d.id from search_docs d where ${docTerms} @@ (to_tsquery('english', 'common') && $$'~2025'$$::tsquery)`.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('search_docs_scoped_terms_idx');
  });
});
