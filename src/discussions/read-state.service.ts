import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import type { Actor } from '../core/permissions/index.ts';
import { findReadableTopic } from './discussions.service.ts';
import { markRead } from './read-state.store.ts';
import { lastPostId } from './topics.store.ts';

/**
 * Marks a topic read by the actor up to its last post, and returns that post's id. Any reader may
 * keep read state (it is private to them); 401 anonymous, 404 for a topic they may not read.
 */
export async function markTopicRead(deps: Deps, actor: Actor | null, topicId: number): Promise<number> {
  if (!actor) throw unauthenticated();
  const { topic } = await findReadableTopic(deps, actor, topicId);
  const last = (await lastPostId(deps.db, topic.id)) ?? 0;
  await markRead(deps.db, actor.id, topic.id, last, iso(deps.clock.now()));
  return last;
}
