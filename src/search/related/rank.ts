import type { Db } from '../../core/db/index.ts';
import { rankDocuments } from '../search.index.ts';
import type { FieldWeights } from './query.ts';

/** One ranking request: OR of the terms, over the given kinds in the given communities. */
export interface RankRequest {
  terms: string[];
  fields: FieldWeights;
  communityIds: number[];
  kinds: ('topic' | 'article')[];
  limit: number;
}

/** A ranked document; a higher score is better. */
export interface Ranked {
  kind: 'topic' | 'article';
  id: number;
  communityId: number;
  score: number;
}

/**
 * Ranks the search index's documents for one query part through the search helper's primitive
 * (`rankDocuments`: FTS5 bm25 with per-column weights on SQLite, ts_rank_cd with A/B/C weights on
 * PostgreSQL), and adds each document's community (for the same-community preference).
 */
export async function rankTerms(db: Db, req: RankRequest): Promise<Ranked[]> {
  if (req.terms.length === 0) return [];
  const ranked = await rankDocuments(db, { text: req.terms.join(' '), communityIds: req.communityIds, kinds: req.kinds, fieldWeights: req.fields, limit: req.limit });
  if (ranked.length === 0) return [];
  const communities = new Map<string, number>();
  for (const kind of req.kinds) {
    const ids = ranked.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    const rows = await db.selectFrom('search_docs').select(['ref_id', 'community_id']).where('kind', '=', kind).where('ref_id', 'in', ids).execute();
    for (const r of rows) communities.set(`${kind}:${r.ref_id}`, r.community_id ?? 0);
  }
  return ranked.map((r) => ({ kind: r.kind as 'topic' | 'article', id: r.id, communityId: communities.get(`${r.kind}:${r.id}`) ?? 0, score: r.score }));
}
