import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';

/*
 * PostgreSQL: the newest N matches of a query, reading (about) only those from the heap.
 *
 * A GIN index cannot hand out matches in date order, and at a million documents every way of asking
 * for "the newest 1,000 matches" through the plain tsvector index costs too much for a common word:
 * the bitmap of all matches (76–126 ms for a word in 30% of documents), a backward created_at scan
 * testing every row (64–90 ms for a word in 3%), or ANDing that bitmap with a created_at range
 * (another 7–37 ms per 100,000 rows). So the index (migrations 202611270030 and 202611270035) also
 * holds three date lexemes per document — `~2026`, `~2026-11`, `~2026-11-1` (year, month, ten-day
 * period) — and a query asks for `q && ('~2026-10-2' | '~2026-10-3' | '~2026-11' | '~2027')`: matches
 * from that period on, found inside the index (0.6–4.5 ms), so the heap is read for about the matches
 * wanted. Its kind and community lexemes narrow a filtered search the same way.
 *
 * The period is picked from PostgreSQL's own statistics: the planner's estimate of how many
 * documents match (pg_stats of `tsv`) and the created_at histogram (each bucket ~1% of documents),
 * aiming at 1.5 × N matches. When the period holds fewer than N (an underestimate, or filters that
 * leave few), it is widened from the density actually found, at worst to everything, so the answer
 * is always exactly the newest N matches (by created_at, then id) — never an approximation.
 */

/**
 * The indexed expression: tsv, the date lexemes, and the kind and community (`~kpost`, `~c12`, see
 * scopeOf). Must match migration 202611270035 exactly, or the index is not used.
 */
export const docTerms = sql`(d.tsv || array_to_tsvector(array['~' || substr(d.created_at, 1, 4), '~' || substr(d.created_at, 1, 7), '~' || substr(d.created_at, 1, 9), '~k' || d.kind, '~c' || coalesce(d.community_id::text, '')]))`;

/**
 * Communities and kinds to search in (none given: any), as tsquery text over the scope lexemes of
 * docTerms (null when neither is given), so the index does that filtering too. The caller keeps the
 * same conditions in its WHERE; this only lets the index apply them early.
 */
export function scopeOf(communityIds: readonly number[], kinds: readonly string[]): string | null {
  const parts: string[] = [];
  if (communityIds.length > 0) parts.push(`(${communityIds.map((c) => `'~c${Math.trunc(c)}'`).join(' | ')})`);
  if (kinds.length > 0) parts.push(`(${kinds.map((k) => `'~k${k.replace(/[^a-z]/g, '')}'`).join(' | ')})`);
  return parts.length > 0 ? parts.join(' & ') : null;
}

interface DateStats { bounds: string[]; lastYear: number; nodes: number }

/**
 * created_at histogram bounds (ascending, ~1% of documents apart), the last year to cover (from
 * pg_stats and the newest document) and how many operands and operators `q` has. Asked every time
 * (about a millisecond), not cached: a page then runs the same statements whatever came before it
 * (test/query-bounds.http.test.ts counts them).
 */
async function dateStats(db: Db, q: RawBuilder<unknown>): Promise<DateStats> {
  const res = await sql<{ bounds: string[] | null; newest: string | null; nodes: number }>`select
      (select histogram_bounds::text::text[] from pg_stats where schemaname = current_schema() and tablename = 'search_docs' and attname = 'created_at') as bounds,
      (select max(created_at) from search_docs) as newest, numnode(${q}) as nodes`.execute(db);
  const row = res.rows[0];
  const newestYear = Number(row?.newest?.slice(0, 4));
  return {
    bounds: row?.bounds ?? [],
    lastYear: Math.max(new Date().getUTCFullYear() + 1, Number.isFinite(newestYear) ? newestYear : 0),
    nodes: Number(row?.nodes ?? 0),
  };
}

/** The planner's estimate of the documents matching `q` and `hint` (from pg_stats; nothing is read). */
async function estimateMatches(db: Db, q: RawBuilder<unknown>, hint: RawBuilder<unknown>): Promise<number> {
  const res = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) select 1 from search_docs d where d.tsv @@ ${q} and ${hint}`.execute(db);
  return Number(res.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Infinity);
}

/** The first period of a query of several words, as a share of the documents (one histogram bucket). */
const COMPOUND_FIRST_SHARE = 0.01;

/** The smallest first period, as a share of the documents. */
const MIN_SHARE = 0.001;

const DAY = /^(\d{4})-(\d{2})-(\d)/;

/**
 * The date lexemes (see docTerms) whose union is "created_at from the start of `bound`'s ten-day
 * period up to the end of `lastYear`", as tsquery text; null if the bound is not an ISO date or the
 * union would be silly long (then the caller takes everything).
 */
export function periodsFrom(bound: string, lastYear: number): string | null {
  const m = DAY.exec(bound);
  if (!m) return null;
  const [year, month, tenth] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lastYear - year > 50) return null;
  const lexemes: string[] = [];
  // Whole months and years where the period starts at their beginning: fewer index entries to read.
  const fromMonth = tenth === 0 ? month : month + 1;
  if (tenth > 0) for (let t = tenth; t <= 3; t++) lexemes.push(`${m[1]}-${m[2]}-${t}`);
  if (fromMonth === 1) lexemes.push(m[1] as string);
  else for (let mo = fromMonth; mo <= 12; mo++) lexemes.push(`${m[1]}-${String(mo).padStart(2, '0')}`);
  for (let y = year + 1; y <= lastYear; y++) lexemes.push(String(y));
  return lexemes.map((l) => `'~${l}'`).join(' | ');
}

/** Columns of `search_docs` the callers can compute from (d.tsv for ranking; not the texts). */
const INNER = sql`d.id, d.kind, d.ref_id, d.community_id, d.topic_id, d.author_id, d.label, d.state, d.solved, d.created_at, d.tsv`;

export interface NewestOptions {
  /** The part of `where` the planner can estimate (plain column conditions), to size the first period. */
  hint?: RawBuilder<unknown>;
  /** The part of `where` the index can apply (scopeOf). */
  scope?: string | null;
  /**
   * The query ORs its words (related content): the planner's estimate is then an upper bound and is
   * trusted; otherwise a query of several words starts small (see COMPOUND_FIRST_SHARE).
   */
  anyWord?: boolean;
}

/**
 * The newest `limit` documents matching `q` and `where` (newest first: created_at desc, id desc),
 * each as `columns`, an expression list over alias `d` (the columns in INNER). Reads from the heap
 * about 1–2 × `limit` matches however common the words are. Throws what the database throws.
 */
export async function newestMatches<R>(db: Db, q: RawBuilder<unknown>, where: RawBuilder<unknown>, limit: number, columns: RawBuilder<unknown>, opts: NewestOptions = {}): Promise<R[]> {
  const scope = opts.scope ?? null;
  const run = async (period: string | null) => {
    const within = [scope, period].filter((x): x is string => x !== null).map((x) => `(${x})`).join(' & ');
    // numnode: an empty query (stop words only) && the period would be the period alone, i.e. everything in it.
    const match = within === '' ? sql`${docTerms} @@ ${q}` : sql`${docTerms} @@ (${q} && ${within}::tsquery) and numnode(${q}) > 0`;
    // offset 0 keeps the planner from answering the ORDER BY … LIMIT with a created_at index walk that
    // tests every row; the GIN scan is what bounds the work.
    return (await sql<R>`select ${columns} from (select * from (select ${INNER} from search_docs d where ${match} and ${where} offset 0) d
      order by d.created_at desc, d.id desc limit ${limit}) d order by d.created_at desc, d.id desc`.execute(db)).rows;
  };
  const stats = await dateStats(db, q);
  const buckets = stats.bounds.length - 1;
  const estimate = await estimateMatches(db, q, opts.hint ?? sql`true`);
  // The share of documents (newest first) expected to hold 1.5 × limit matches; never 0, so the
  // widening below (at least 4× a round) reaches everything in a few rounds whatever the estimate.
  let share = Math.max(estimate > 2 * limit ? (1.5 * limit) / estimate : 1, MIN_SHARE);
  // The planner takes the words of a query as independent; words that come together (a phrase typed
  // without quotes: 53,000 matches estimated at 462) would send a dense query to read every match. A
  // query of several words therefore starts with the newest ~1% and widens from the density found.
  if (stats.nodes > 1 && !opts.anyWord) share = Math.min(share, COMPOUND_FIRST_SHARE);
  for (;;) {
    const index = Math.floor(buckets * (1 - share));
    const period = share < 1 && index > 0 ? periodsFrom(stats.bounds[index] as string, stats.lastYear) : null;
    const rows = await run(period);
    if (period === null || rows.length >= limit) return rows;
    // Too few in the period: widen it by what was found (at least 4×), at worst to everything.
    share = Math.min(1, share * Math.max(4, (1.5 * limit) / Math.max(rows.length, 1)));
  }
}
