import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { SearchKind } from '../core/db/tables/search.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';
import { isPostgres } from './search.dialect.ts';
import { newestMatches, scopeOf } from './search.pg.ts';
import { HIT_END, HIT_START, plainSnippet, significantWords, snippetToHtml, toFts5Query } from './search.text.ts';
import { searchIndexCaughtUp } from './search.flush.ts';

/*
 * Ranked queries over `search_docs`, bounded so a common word never scores every match.
 * SQLite: FTS5 with bm25 and per-column weights; only the newest CANDIDATES matches (found by
 * streaming FTS5 in rowid order) are ranked or date-sorted, and snippets are made for the page only.
 * PostgreSQL: websearch_to_tsquery; the newest CANDIDATES matches come from the GIN index restricted
 * to a recent period (search.pg.ts), ts_rank_cd ranks those and ts_headline runs on the page only.
 * docs/search.md explains.
 */

/** How many matches PostgreSQL scores at most per query; and the deepest result anyone can page to. */
export const CANDIDATES = 1000;
export const MAX_OFFSET = 1000;

/** Weights of the indexed fields (title, tags, extra = synonyms/username/domain…, body). */
export interface FieldWeights { title: number; tags: number; extra: number; body: number }
export const DEFAULT_WEIGHTS: FieldWeights = { title: 10, tags: 5, extra: 4, body: 1 };

export interface SearchQuery {
  q: string;
  communityId?: number;
  kinds?: SearchKind[];
  tag?: string;
  authorId?: number;
  /** Inclusive lower bound of created_at (ISO text). */
  from?: string;
  /** Exclusive upper bound of created_at (ISO text). */
  to?: string;
  solved?: boolean;
  state?: string;
  sort: 'relevance' | 'date';
  offset: number;
  limit: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: number;
  communityId: number | null;
  topicId: number | null;
  authorId: number | null;
  label: string;
  /** Safe HTML: escaped text with hits in <mark>. */
  snippetHtml: string;
  state: string | null;
  solved: boolean | null;
  createdAt: string;
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Matches per kind for the query and filters other than kind, counted up to MAX_OFFSET + 1. */
  counts: Partial<Record<SearchKind, number>>;
  /** Matches of the chosen kinds (a lower bound when `more`). */
  total: number;
  more: boolean;
}

interface Row {
  kind: SearchKind; ref_id: number; community_id: number | null; topic_id: number | null; author_id: number | null;
  label: string; state: string | null; solved: number | null; created_at: string; score: number | string; snip: string | null;
}

/**
 * The WHERE conditions of a search over alias `d`. `visibility: false` leaves out the readable-
 * communities condition: only for asking the planner how many documents match (it cannot estimate
 * that subquery and would guess half), never for fetching.
 */
function filters(db: Db, actor: Actor | null, f: Omit<SearchQuery, 'q' | 'sort' | 'offset' | 'limit'>, withKinds: boolean, visibility = true): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = visibility ? [sql`(d.community_id is null or d.community_id in (${readableCommunityIds(db, actor)}))`] : [sql`true`];
  if (f.communityId !== undefined) parts.push(sql`d.community_id = ${f.communityId} and d.kind <> 'member'`);
  if (withKinds && f.kinds && f.kinds.length > 0) parts.push(sql`d.kind in (${sql.join(f.kinds)})`);
  if (f.authorId !== undefined) parts.push(sql`d.author_id = ${f.authorId} and d.kind <> 'member'`);
  if (f.from !== undefined) parts.push(sql`d.created_at >= ${f.from}`);
  if (f.to !== undefined) parts.push(sql`d.created_at < ${f.to}`);
  if (f.solved !== undefined) parts.push(sql`d.solved = ${f.solved ? 1 : 0}`);
  if (f.state !== undefined) parts.push(sql`d.kind = 'article' and d.state = ${f.state}`);
  if (f.tag !== undefined) {
    parts.push(sql`(
      (d.kind in ('topic', 'post') and exists (select 1 from topic_tags tt where tt.topic_id = d.topic_id and tt.tag = ${f.tag}))
      or (d.kind = 'article' and exists (select 1 from article_tags at where at.article_id = d.ref_id and at.tag = ${f.tag}))
      or (d.kind = 'community' and exists (select 1 from community_tags ct where ct.community_id = d.ref_id and ct.tag = ${f.tag})))`);
  }
  return sql.join(parts, sql` and `);
}

const pgWeights = (w: FieldWeights) => {
  const max = Math.max(w.title, (w.tags + w.extra) / 2, w.body, 1e-9);
  // ts_rank_cd weights are {D, C, B, A}: body is C, tags and extra B, title A.
  return sql.raw(`'{0, ${w.body / max}, ${(w.tags + w.extra) / 2 / max}, ${w.title / max}}'::float4[]`);
};

function hit(r: Row): SearchHit {
  return {
    kind: r.kind, id: Number(r.ref_id), communityId: r.community_id, topicId: r.topic_id, authorId: r.author_id, label: r.label,
    snippetHtml: snippetToHtml(plainSnippet(r.snip ?? '')), state: r.state, solved: r.solved === null ? null : r.solved === 1,
    createdAt: r.created_at, score: Number(r.score),
  };
}

/**
 * SQLite: the rowid boundary of the newest CANDIDATES matches (FTS5 streams matches in rowid order and
 * rowids follow the things' dates, so this costs CANDIDATES steps, not every match), as a condition.
 */
async function fts5Window(db: Db, match: string, where: RawBuilder<unknown>, limit = CANDIDATES): Promise<RawBuilder<unknown>> {
  const bound = await sql<{ id: number }>`select search_fts.rowid as id from search_fts cross join search_docs d on d.id = search_fts.rowid
    where search_fts match ${match} and ${where} order by search_fts.rowid desc limit 1 offset ${limit - 1}`.execute(db);
  return bound.rows[0] ? sql`search_fts.rowid >= ${bound.rows[0].id}` : sql`1 = 1`;
}

async function sqliteSearch(db: Db, actor: Actor | null, s: SearchQuery, match: string): Promise<{ rows: Row[]; kinds: { kind: SearchKind; n: number }[] }> {
  const where = filters(db, actor, s, true);
  // CROSS JOIN keeps FTS5 the outer loop: SQLite never probes the full-text index once per document.
  const from = sql`search_fts cross join search_docs d on d.id = search_fts.rowid`;
  // Only the newest CANDIDATES matches are ranked or sorted (see fts5Window).
  const window = await fts5Window(db, match, where);
  // Ties broken by id, so pages (LIMIT/OFFSET) never repeat or skip a result.
  const order = s.sort === 'date' ? sql`d.created_at desc, d.id desc` : sql`search_fts.rank, d.id desc`;
  const page = await sql<Row & { id: number }>`select d.id, d.kind, d.ref_id, d.community_id, d.topic_id, d.author_id, d.label, d.state, d.solved, d.created_at,
      -search_fts.rank as score
    from ${from}
    where search_fts match ${match} and search_fts.rank match ${`bm25(${DEFAULT_WEIGHTS.title}, ${DEFAULT_WEIGHTS.tags}, ${DEFAULT_WEIGHTS.extra}, ${DEFAULT_WEIGHTS.body})`}
      and ${window} and ${where}
    order by ${order} limit ${s.limit + 1} offset ${s.offset}`.execute(db);
  // Snippets only for the page's rows (computing them in the ranked query would do it for every match).
  const snips = new Map<number, string>();
  if (page.rows.length > 0) {
    const snip = sql`case when d.kind in ('member', 'community') then snippet(search_fts, -1, ${HIT_START}, ${HIT_END}, '…', 24)
      else snippet(search_fts, 3, ${HIT_START}, ${HIT_END}, '…', 24) end`;
    const res = await sql<{ id: number; snip: string }>`select d.id, ${snip} as snip from ${from}
      where search_fts match ${match} and search_fts.rowid in (${sql.join(page.rows.map((r) => r.id))})`.execute(db);
    for (const r of res.rows) snips.set(r.id, r.snip);
  }
  const kinds = await sql<{ kind: SearchKind; n: number }>`select kind, count(*) as n from (
      select d.kind from ${from} where search_fts match ${match} and ${filters(db, actor, s, false)} limit ${MAX_OFFSET + 1}) m group by kind`.execute(db);
  return { rows: page.rows.map((r) => ({ ...r, snip: snips.get(r.id) ?? '' })), kinds: kinds.rows };
}

type PgRow = Omit<Row, 'snip'> & { id: number };

/** Candidates newest first, ranked, as the page wants them; ties by id so pages never repeat or skip. */
function rankCandidates(rows: PgRow[], sort: SearchQuery['sort']): PgRow[] {
  const out = rows.slice(0, CANDIDATES);
  if (sort === 'relevance') out.sort((a, b) => Number(b.score) - Number(a.score) || b.id - a.id);
  return out;
}

async function pgSearch(db: Db, actor: Actor | null, s: SearchQuery): Promise<{ rows: Row[]; kinds: { kind: SearchKind; n: number }[] }> {
  const q = sql`websearch_to_tsquery('english', ${s.q})`;
  const cols = sql`d.id, d.kind, d.ref_id, d.community_id, d.topic_id, d.author_id, d.label, d.state, d.solved, d.created_at,
    ts_rank_cd(${pgWeights(DEFAULT_WEIGHTS)}, d.tsv, ${q}) as score`;
  const byKind = s.kinds && s.kinds.length > 0;
  const community = s.communityId === undefined ? [] : [s.communityId];
  // The newest MAX_OFFSET + 1 matches of every kind give the counts; without a kind filter they are
  // also the candidates (the newest CANDIDATES of them), so one bounded query does both.
  const all = await newestMatches<PgRow>(db, q, filters(db, actor, s, false), MAX_OFFSET + 1, byKind ? sql`d.kind` : cols, {
    hint: filters(db, actor, s, false, false),
    scope: scopeOf(community, []),
  });
  const kinds = new Map<SearchKind, number>();
  for (const r of all) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const candidates = byKind
    ? await newestMatches<PgRow>(db, q, filters(db, actor, s, true), CANDIDATES, cols, { hint: filters(db, actor, s, true, false), scope: scopeOf(community, s.kinds ?? []) })
    : all;
  const page = rankCandidates(candidates, s.sort).slice(s.offset, s.offset + s.limit + 1);
  // Snippets for the page's rows only (ts_headline parses the whole text).
  const snips = new Map<number, string>();
  if (page.length > 0) {
    const text = sql`case when d.kind in ('member', 'community', 'term') then d.extra || ' — ' || d.body else d.body end`;
    const opts = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
    const res = await sql<{ id: number; snip: string }>`select d.id, ts_headline('english', ${text}, ${q}, ${opts}) as snip
      from search_docs d where d.id in (${sql.join(page.map((r) => r.id))})`.execute(db);
    for (const r of res.rows) snips.set(Number(r.id), r.snip);
  }
  return { rows: page.map((r) => ({ ...r, snip: snips.get(r.id) ?? '' })), kinds: [...kinds].map(([kind, n]) => ({ kind, n })) };
}

/**
 * The ranked, filtered, highlighted search behind /search and /api/v1/search. Applies visibility
 * itself: only documents of communities the actor may read (members are found by anyone).
 */
export async function searchDocuments(db: Db, actor: Actor | null, s: SearchQuery): Promise<SearchPage> {
  const pg = isPostgres(db);
  const match = pg ? '' : toFts5Query(s.q);
  if (!pg && match === null) return { hits: [], counts: {}, total: 0, more: false };
  if (!pg) await searchIndexCaughtUp(db);
  const { rows, kinds } = pg ? await pgSearch(db, actor, s) : await sqliteSearch(db, actor, s, match as string);
  const counts: Partial<Record<SearchKind, number>> = {};
  for (const k of kinds) counts[k.kind] = Number(k.n);
  const chosen = s.kinds && s.kinds.length > 0 ? s.kinds : (Object.keys(counts) as SearchKind[]);
  const total = chosen.reduce((n, k) => n + (counts[k] ?? 0), 0);
  return { hits: rows.slice(0, s.limit).map(hit), counts, total, more: rows.length > s.limit };
}

export interface RankInput {
  /** Free text (a question, a title): its significant words are matched with OR. */
  text: string;
  /** The communities to look in; the caller has already decided they are readable. */
  communityIds: number[];
  kinds: SearchKind[];
  fieldWeights?: Partial<FieldWeights>;
  limit: number;
  /** Documents to leave out, e.g. the topic being shown. */
  exclude?: { kind: SearchKind; id: number }[];
  /** How many of the newest matches are scored (default CANDIDATES, at most 50,000): more is better ranking, slower. */
  candidateLimit?: number;
}

export interface RankedDocument { kind: SearchKind; id: number; score: number }

/**
 * The ranking primitive (for related content): documents of the given communities and kinds that
 * share significant words with `text`, best first, higher score = more relevant. Applies NO visibility
 * beyond `communityIds` — the caller passes only communities the reader may read.
 */
export async function rankDocuments(db: Db, r: RankInput): Promise<RankedDocument[]> {
  const words = significantWords(r.text);
  if (words.length === 0 || r.communityIds.length === 0 || r.kinds.length === 0 || r.limit < 1) return [];
  const w = { ...DEFAULT_WEIGHTS, ...r.fieldWeights };
  const pool = Math.min(Math.max(Math.trunc(r.candidateLimit ?? CANDIDATES), r.limit, 1), 50_000);
  const ex = r.exclude ?? [];
  const notExcluded = ex.length === 0 ? sql`1 = 1` : sql.join(ex.map((e) => sql`not (d.kind = ${e.kind} and d.ref_id = ${e.id})`), sql` and `);
  const scope = sql`d.community_id in (${sql.join(r.communityIds)}) and d.kind in (${sql.join(r.kinds)}) and ${notExcluded}`;
  if (isPostgres(db)) {
    const q = sql`(${sql.join(words.map((x) => sql`plainto_tsquery('english', ${x})`), sql` || `)})`;
    const rows = await newestMatches<{ kind: SearchKind; ref_id: number; score: number }>(db, q, scope, pool, sql`d.kind, d.ref_id, ts_rank_cd(${pgWeights(w)}, d.tsv, ${q}) as score`, {
      hint: scope,
      scope: scopeOf(r.communityIds, r.kinds),
      anyWord: true,
    });
    return rows
      .map((x) => ({ kind: x.kind, id: Number(x.ref_id), score: Number(x.score) }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, r.limit);
  }
  const match = words.map((x) => `"${x}"`).join(' OR ');
  await searchIndexCaughtUp(db);
  const res = await sql<{ kind: SearchKind; ref_id: number; score: number }>`select d.kind, d.ref_id, -search_fts.rank as score
    from search_fts cross join search_docs d on d.id = search_fts.rowid
    where search_fts match ${match} and search_fts.rank match ${`bm25(${w.title}, ${w.tags}, ${w.extra}, ${w.body})`} and ${await fts5Window(db, match, scope, pool)} and ${scope}
    order by search_fts.rank, d.id desc limit ${r.limit}`.execute(db);
  return res.rows.map((x) => ({ kind: x.kind, id: Number(x.ref_id), score: Number(x.score) }));
}
