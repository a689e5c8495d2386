import type { Db } from '../../core/db/index.ts';
import { bigrams, DEFAULT_METHOD, feedbackPart, relatedQuery, type QueryPart, type RelatedMethod, type RelatedSource } from './query.ts';
import { rankTerms, type Ranked } from './rank.ts';

/**
 * The related ranking itself: database reads only, no app code beyond the search primitive, so the
 * SQLite ranking worker (related.worker.ts) can import it without the rest of the app.
 */

/** Options of a related ranking. */
export interface RankOptions {
  limit: number;
  method?: RelatedMethod;
  kinds?: ('topic' | 'article')[];
  /** Results from this community rank a little higher. */
  preferCommunityId?: number | null;
  /** Never listed (the topic itself). */
  excludeTopicId?: number | null;
}

const SAME_COMMUNITY_BOOST = 1.25;
const key = (r: { kind: string; id: number }) => `${r.kind}:${r.id}`;

async function runParts(db: Db, parts: QueryPart[], communityIds: number[], kinds: ('topic' | 'article')[], depth: number): Promise<Map<string, Ranked>> {
  const scores = new Map<string, Ranked>();
  for (const part of parts) {
    for (const r of await rankTerms(db, { terms: part.terms, fields: part.fields, communityIds, kinds, limit: depth })) {
      const k = key(r);
      const prev = scores.get(k);
      scores.set(k, { ...r, score: (prev?.score ?? 0) + part.weight * r.score });
    }
  }
  return scores;
}

/**
 * Ranks documents of `communityIds` (the caller passes only communities the viewer may read) for a
 * source, best first: the method's query parts are ranked separately and their scores added; `prf`
 * adds feedback terms from the first results' titles and tags and ranks again.
 */
export async function rankRelated(db: Db, src: RelatedSource, communityIds: number[], opts: RankOptions): Promise<Ranked[]> {
  const method = opts.method ?? DEFAULT_METHOD;
  const kinds = opts.kinds ?? ['topic', 'article'];
  const depth = Math.max(50, opts.limit * 4);
  const parts = relatedQuery(src, method);
  let scores = await runParts(db, parts, communityIds, kinds, depth);
  if (method === 'phrase' && scores.size > 0) scores = await phraseBonus(db, src.title, scores);
  if (method === 'prf' && scores.size > 0) {
    const first = sorted(scores, opts).slice(0, 2);
    const docs = await db.selectFrom('search_docs').select(['title', 'tags']).where((eb) => eb.or(first.map((r) => eb.and([eb('kind', '=', r.kind), eb('ref_id', '=', r.id)])))).execute();
    const extra = feedbackPart(docs.map((d) => `${d.title}\n${d.tags}`), parts);
    if (extra) scores = await runParts(db, [...parts, extra], communityIds, kinds, depth);
  }
  return sorted(scores, opts).slice(0, opts.limit);
}

/** Ranks a source over every community (a topic's shared ranking; readers are filtered later by `toItems`). */
export async function rankOverAllCommunities(db: Db, src: RelatedSource, opts: RankOptions): Promise<Ranked[]> {
  const all = (await db.selectFrom('communities').select('id').execute()).map((c) => c.id);
  return rankRelated(db, src, all, opts);
}

const PHRASE_BONUS = 0.2;

/** Raises each result's score by PHRASE_BONUS per adjacent title-word pair its title shares with the source title. */
async function phraseBonus(db: Db, title: string, scores: Map<string, Ranked>): Promise<Map<string, Ranked>> {
  const mine = bigrams(title);
  if (mine.size === 0) return scores;
  const out = new Map(scores);
  for (const kind of ['topic', 'article'] as const) {
    const ids = [...scores.values()].filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    for (const d of await db.selectFrom('search_docs').select(['ref_id', 'title']).where('kind', '=', kind).where('ref_id', 'in', ids).execute()) {
      const shared = [...bigrams(d.title)].filter((b) => mine.has(b)).length;
      const k = `${kind}:${d.ref_id}`;
      const r = out.get(k);
      if (r && shared > 0) out.set(k, { ...r, score: r.score * (1 + PHRASE_BONUS * shared) });
    }
  }
  return out;
}

function sorted(scores: Map<string, Ranked>, opts: RankOptions): Ranked[] {
  return [...scores.values()]
    .filter((r) => !(r.kind === 'topic' && r.id === opts.excludeTopicId))
    .map((r) => (opts.preferCommunityId && r.communityId === opts.preferCommunityId ? { ...r, score: r.score * SAME_COMMUNITY_BOOST } : r))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
