import { memo, peek } from '../../core/cache/memo.ts';
import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import { bigrams, DEFAULT_METHOD, feedbackPart, relatedQuery, type QueryPart, type RelatedMethod, type RelatedSource } from './query.ts';
import { rankTerms, type Ranked } from './rank.ts';
import { articlesForList, linkedTopicIds, loadRelatedSource, topicsForList, type RelatedItem } from './related.store.ts';

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

/** The ids of the communities the actor may read. */
export async function readableIds(db: Db, actor: Actor | null): Promise<number[]> {
  return (await readableCommunityIds(db, actor).execute()).map((r) => r.id);
}

/**
 * Turns ranked ids into list items, dropping anything the actor may not read (checked again here, not
 * only trusted from the index): live topics and current articles in readable communities.
 */
export async function toItems(db: Db, ranked: Ranked[], communityIds: number[], linked: Map<number, 'duplicate' | 'linked'> = new Map()): Promise<RelatedItem[]> {
  const [topics, articles] = await Promise.all([
    topicsForList(db, ranked.filter((r) => r.kind === 'topic').map((r) => r.id), communityIds),
    articlesForList(db, ranked.filter((r) => r.kind === 'article').map((r) => r.id), communityIds),
  ]);
  const t = new Map(topics.map((r) => [r.id, r]));
  const a = new Map(articles.map((r) => [r.id, r]));
  const items: RelatedItem[] = [];
  for (const r of ranked) {
    const topicRow = r.kind === 'topic' ? t.get(r.id) : undefined;
    const row = topicRow ?? (r.kind === 'article' ? a.get(r.id) : undefined);
    if (!row) continue;
    const solved = topicRow !== undefined && topicRow.kind === 'question' && topicRow.accepted_post_id !== null;
    const path = r.kind === 'topic' ? 't' : 'a';
    items.push({ kind: r.kind, id: r.id, title: row.title, url: `/c/${row.slug}/${path}/${r.id}`, community: { slug: row.slug, name: row.name }, solved, reason: (r.kind === 'topic' && linked.get(r.id)) || 'similar', score: Math.round(r.score * 1000) / 1000 });
  }
  return items;
}

/**
 * Related topics and articles for a topic the actor may read (404 otherwise, as the topic page):
 * topics linked with it first (duplicates, then related links), then the content ranking; never the
 * topic itself nor anything from a community the actor may not read.
 */
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: { limit: number; method?: RelatedMethod; onlyIfReady?: false }): Promise<RelatedItem[]>;
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: { limit: number; method?: RelatedMethod; onlyIfReady?: boolean }): Promise<RelatedItem[] | null>;
/**
 * With `onlyIfReady`, answers null when the ranking is not in memory yet, and ranks it right after
 * (setImmediate), so a page need not wait for it.
 */
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: { limit: number; method?: RelatedMethod; onlyIfReady?: boolean }): Promise<RelatedItem[] | null> {
  const { topic } = await findReadableTopic(deps, actor, topicId);
  const db = deps.db;
  const [src, communityIds, links] = await Promise.all([loadRelatedSource(db, topic.id), readableIds(db, actor), linkedTopicIds(db, topic.id)]);
  if (!src) return [];
  const linked = new Map<number, 'duplicate' | 'linked'>([...links.related.map((id) => [id, 'linked'] as const), ...links.duplicates.map((id) => [id, 'duplicate'] as const)]);
  // One ranking per topic for every reader: ranked over ALL communities (deep enough that results the
  // reader may not see leave enough behind), then `toItems` keeps only what this reader may read.
  const rankOpts = { limit: Math.max(RANK_DEPTH, opts.limit + linked.size), method: opts.method, preferCommunityId: topic.communityId, excludeTopicId: topic.id };
  const key = `${topic.id}|${rankOpts.method ?? ''}|${rankOpts.limit}`;
  const rank = () => cachedRanking(deps, key, async () => rankRelated(db, src, (await db.selectFrom('communities').select('id').execute()).map((c) => c.id), rankOpts));
  const ranked = opts.onlyIfReady && deps.config.relatedCacheSeconds > 0 ? peek<Ranked[]>(db, 'related', key) : await rank();
  if (!ranked) {
    setImmediate(() => void rank().catch((err: unknown) => deps.log.warn({ err, topicId }, 'related ranking failed')));
    return null;
  }
  const first: Ranked[] = [...links.duplicates, ...links.related].map((id) => ({ kind: 'topic', id, communityId: 0, score: 0 }));
  const merged = [...first, ...ranked.filter((r) => !(r.kind === 'topic' && linked.has(r.id)))];
  return (await toItems(db, merged, communityIds, linked)).slice(0, opts.limit);
}

const RANKINGS_KEPT = 20_000;
/** How deep a topic's shared ranking goes (the page shows 5, the API up to 50). */
const RANK_DEPTH = 30;

/**
 * The ranking under `key` (the topic, the method and the depth; over all communities), computed once
 * per `relatedCacheSeconds` on this node and shared by every reader. Only ids and scores are kept: the caller
 * turns them into items with `toItems`, which checks every one against the viewer again, so a topic
 * deleted or moved into a private community since drops out at once; new content shows up within the TTL.
 */
function cachedRanking(deps: Pick<Deps, 'db' | 'config'>, key: string, rank: () => Promise<Ranked[]>): Promise<Ranked[]> {
  return memo(deps.db, 'related', key, { ttlMs: deps.config.relatedCacheSeconds * 1000, max: RANKINGS_KEPT }, rank);
}
