import { forget, memo } from '../core/cache/memo.ts';
import type { Db } from '../core/db/index.ts';
import type { Actor } from '../core/permissions/index.ts';
import { listableBy, listedIn } from './lists.store.ts';

/** Replaces a topic's tags (scoped to its home community). Run inside the writing transaction. */
export async function setTopicTags(db: Db, topicId: number, communityId: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('topic_tags').where('topic_id', '=', topicId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('topic_tags')
    .values(tags.map((tag) => ({ topic_id: topicId, community_id: communityId, tag })))
    .execute();
}

/** The tags of each topic, alphabetical, keyed by topic id (topics without tags are absent). */
export async function tagsOfTopics(db: Db, topicIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (topicIds.length === 0) return out;
  const rows = await db.selectFrom('topic_tags').select(['topic_id', 'tag']).where('topic_id', 'in', topicIds).orderBy('tag').execute();
  for (const r of rows) out.set(r.topic_id, [...(out.get(r.topic_id) ?? []), r.tag]);
  return out;
}

/**
 * The tags used on the topics a community's lists show the actor (its own topics and readable
 * cross-posts, none deleted), with how many topics carry each, most used first.
 */
async function countTags(db: Db, actor: Actor | null, communityId: number): Promise<Array<{ tag: string; count: number }>> {
  const rows = await db
    .selectFrom('topic_tags')
    .innerJoin('topics', 'topics.id', 'topic_tags.topic_id')
    .select(['topic_tags.tag', (eb) => eb.fn.count<number>('topic_tags.topic_id').distinct().as('n')])
    .where((eb) => eb.and([listableBy(db, eb, actor), listedIn(eb, communityId)]))
    .groupBy('topic_tags.tag')
    .orderBy('n', 'desc')
    .orderBy('topic_tags.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/** How long tag counts are reused on this node; writes through this node clear them at once (forgetTagCounts). */
const TAG_COUNTS_TTL_MS = 60_000;

/**
 * The tags of the topics listed in a community that the actor may read, with how many topics carry
 * each, most used first. Counting costs ~40 ms in a community of 12,000 topics, and every list page
 * shows them, so counts are kept per community and viewer for a minute (on other nodes, and after a
 * topic is deleted or moved, they may lag that long).
 */
export function tagCounts(db: Db, actor: Actor | null, communityId: number): Promise<Array<{ tag: string; count: number }>> {
  return memo(db, 'tag-counts', `${communityId}|${actor?.id ?? 0}`, { ttlMs: TAG_COUNTS_TTL_MS, max: 5_000 }, () => countTags(db, actor, communityId));
}

/** Forgets the tag counts kept on this node (after a topic's tags are written). */
export function forgetTagCounts(db: Db): void {
  forget(db, 'tag-counts');
}
