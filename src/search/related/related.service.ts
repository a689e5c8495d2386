import type { Deps } from '../../core/deps.ts';
import type { Db } from '../../core/db/index.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import type { TopicSummary } from '../../discussions/topics.store.ts';
import { DEFAULT_METHOD, type RelatedMethod } from './query.ts';
import type { Ranked } from './rank.ts';
import { sourceHash, topicRanking } from './related.rankings.ts';
import { articlesForList, linkedTopicIds, loadRelatedSource, topicsForList, type KnownSource, type RelatedItem } from './related.store.ts';
import type { Post } from '../../discussions/posts.store.ts';

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

/** Options of relatedForTopic. */
export interface RelatedOptions {
  limit: number;
  method?: RelatedMethod;
  /** Answer null, and queue the ranking, when the topic has none yet (a page need not wait). */
  onlyIfReady?: boolean;
  /** The topic as the caller read it after checking that the actor may read it (the topic page), so it is not read and checked again. */
  readableTopic?: TopicSummary;
  /** Posts of that topic the caller has read (the page's): the opening post and accepted answer among them are not read again. */
  posts?: readonly Pick<Post, 'id' | 'topicId' | 'kind' | 'body' | 'deleted'>[];
}

/**
 * Related topics and articles for a topic the actor may read (404 otherwise, as the topic page):
 * topics linked with it first (duplicates, then related links), then the content ranking; never the
 * topic itself nor anything from a community the actor may not read.
 */
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: RelatedOptions & { onlyIfReady?: false }): Promise<RelatedItem[]>;
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: RelatedOptions): Promise<RelatedItem[] | null>;
/**
 * The ranking comes from memory, the `related_rankings` table or is computed (related.rankings.ts);
 * with `onlyIfReady`, answers null when there is none yet and queues it, so a page need not wait.
 */
export async function relatedForTopic(deps: Deps, actor: Actor | null, topicId: number, opts: RelatedOptions): Promise<RelatedItem[] | null> {
  const topic = opts.readableTopic ?? (await findReadableTopic(deps, actor, topicId)).topic;
  const db = deps.db;
  const known = opts.readableTopic ? { title: topic.title, acceptedPostId: topic.acceptedPostId, ...bodiesOnPage(topic, opts.posts ?? []) } : undefined;
  const [src, communityIds, links] = await Promise.all([loadRelatedSource(db, topic.id, known), readableIds(db, actor), linkedTopicIds(db, topic.id)]);
  if (!src) return [];
  const linked = new Map<number, 'duplicate' | 'linked'>([...links.related.map((id) => [id, 'linked'] as const), ...links.duplicates.map((id) => [id, 'duplicate'] as const)]);
  // One ranking per topic for every reader: ranked over ALL communities (deep enough that results the
  // reader may not see leave enough behind), then `toItems` keeps only what this reader may read.
  const rankOpts = { limit: Math.max(RANK_DEPTH, opts.limit + linked.size), method: opts.method, preferCommunityId: topic.communityId, excludeTopicId: topic.id };
  const ask = { topicId: topic.id, variant: `${rankOpts.method ?? DEFAULT_METHOD}|${rankOpts.limit}`, src, hash: sourceHash(src, topic.communityId), opts: rankOpts };
  const ranked = await topicRanking(deps, ask, { wait: !(opts.onlyIfReady && deps.config.relatedCacheSeconds > 0) });
  if (!ranked) return null;
  const first: Ranked[] = [...links.duplicates, ...links.related].map((id) => ({ kind: 'topic', id, communityId: 0, score: 0 }));
  const merged = [...first, ...ranked.filter((r) => !(r.kind === 'topic' && linked.has(r.id)))];
  return (await toItems(db, merged, communityIds, linked)).slice(0, opts.limit);
}

/** The opening post's and accepted answer's Markdown when they are among `posts` (a deleted one counts as empty, as the store reads it). */
function bodiesOnPage(topic: TopicSummary, posts: readonly Pick<Post, 'id' | 'topicId' | 'kind' | 'body' | 'deleted'>[]): Pick<KnownSource, 'openingBody' | 'acceptedBody'> {
  const mine = posts.filter((p) => p.topicId === topic.id);
  const opening = mine.find((p) => p.kind === 'opening');
  const accepted = topic.acceptedPostId === null ? undefined : mine.find((p) => p.id === topic.acceptedPostId);
  return {
    ...(opening ? { openingBody: opening.deleted ? '' : opening.body } : {}),
    ...(accepted ? { acceptedBody: accepted.deleted ? null : accepted.body } : {}),
  };
}

/** How deep a topic's shared ranking goes (the page shows 5, the API up to 50). */
const RANK_DEPTH = 30;
