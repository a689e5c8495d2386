import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import { conflict, forbidden } from '../../core/http/errors.ts';
import { canReadCommunity, type Actor } from '../../core/permissions/index.ts';
import { movePostsInto, markMerged } from './merge.store.ts';
import { canModerate, invalid } from './moderation.rules.ts';
import { topicToModerate } from './moderation.service.ts';
import { moveTopicRows } from './moderation.store.ts';
import { accessToCommunity, findTopicState, type TopicState } from './topic-state.store.ts';
import { indexTopic } from '../../search/search.index.ts';

/**
 * Moves a topic (with its posts, tags and notifications) to another community, given by slug. The
 * actor must moderate both: 400 naming `community` when it is unknown, unreadable or the same one,
 * 403 when the actor does not moderate it, plus what topicToModerate throws. Records 'topic.moved'
 * in both communities.
 */
export async function moveTopic(deps: Deps, actor: Actor | null, topicId: number, input: { community: string; note?: string }): Promise<TopicState> {
  const { actor: who, topic } = await topicToModerate(deps, actor, topicId);
  const to = await deps.db.selectFrom('communities').select(['id', 'slug', 'name', 'visibility', 'join_policy']).where('slug', '=', input.community.trim()).executeTakeFirst();
  const access = to ? await accessToCommunity(deps.db, { id: to.id, visibility: to.visibility, joinPolicy: to.join_policy }, who) : null;
  if (!to || !access || !canReadCommunity(who, access)) throw invalid('community', `is not a community you can read (no community “${input.community}”)`);
  if (to.id === topic.community.id) throw invalid('community', 'is already this topic’s community');
  if (!canModerate(who, access)) throw forbidden(`You can only move topics into communities you moderate, and you do not moderate ${to.name}.`);
  const at = iso(deps.clock.now());
  const note = (input.note ?? '').trim();
  const data = { title: topic.title, from: topic.community.slug, to: to.slug, note };
  await deps.db.transaction().execute(async (tx) => {
    await moveTopicRows(tx, topicId, to.id, at);
    await indexTopic(tx, topicId);
    for (const communityId of [topic.community.id, to.id]) {
      await recordActivity(tx, { actorId: who.id, verb: 'topic.moved', communityId, subjectType: 'topic', subjectId: topicId, data, at });
    }
  });
  deps.bus.publish({ type: 'topic.moved', communityId: to.id, payload: { topicId, from: topic.community.id } });
  return (await findTopicState(deps.db, topicId))!;
}

/** Loads a merge target: a live topic the actor can read and moderate; 400 naming targetId or 403. */
async function mergeTarget(deps: Deps, actor: Actor, source: TopicState, targetId: number): Promise<TopicState> {
  if (targetId === source.id) throw invalid('targetId', 'must be another topic, not this one');
  const target = await findTopicState(deps.db, targetId);
  const access = target ? await accessToCommunity(deps.db, target.community, actor) : null;
  if (!target || !access || target.deletedAt !== null || !canReadCommunity(actor, access)) throw invalid('targetId', `is not a topic you can read (no topic ${targetId})`);
  if (!canModerate(actor, access)) throw forbidden(`You can only merge into topics of communities you moderate, and you do not moderate ${target.community.name}.`);
  return target;
}

/**
 * Merges a duplicate (the source) into a target topic: its posts move into the target in the order
 * they were written, the target's counts grow by them, and the source is marked merged_into the
 * target and hidden (its address then leads to the target). Records 'topic.merged' in the source's
 * community and, when different, the target's. Throws 400 naming targetId, 403, and what
 * topicToModerate throws; 409 when the source was merged meanwhile.
 */
export async function mergeTopic(deps: Deps, actor: Actor | null, sourceId: number, input: { targetId: number; note?: string }): Promise<{ source: TopicState; target: TopicState; movedPosts: number }> {
  const { actor: who, topic: source } = await topicToModerate(deps, actor, sourceId);
  const target = await mergeTarget(deps, who, source, input.targetId);
  const at = iso(deps.clock.now());
  const note = (input.note ?? '').trim();
  const movedPosts = await deps.db.transaction().execute(async (tx) => {
    const counts = await markMerged(tx, source.id, target.id, who.id, at);
    if (!counts) throw conflict('This topic was merged or deleted a moment ago.');
    const n = await movePostsInto(tx, source, target, counts, at);
    await indexTopic(tx, source.id);
    await indexTopic(tx, target.id);
    const data = { title: source.title, into: target.id, intoTitle: target.title, posts: n, note };
    for (const communityId of new Set([source.community.id, target.community.id])) {
      await recordActivity(tx, { actorId: who.id, verb: 'topic.merged', communityId, subjectType: 'topic', subjectId: source.id, data, at });
    }
    return n;
  });
  deps.bus.publish({ type: 'topic.merged', communityId: target.community.id, payload: { topicId: source.id, into: target.id } });
  return { source: (await findTopicState(deps.db, source.id))!, target: (await findTopicState(deps.db, target.id))!, movedPosts };
}
