import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import { conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { canModerate, closeReasons, invalid } from './moderation.rules.ts';
import { closeTopicRow, reopenTopicRow, setFlag } from './moderation.store.ts';
import { accessToCommunity, findTopicState, type CloseReason, type TopicState } from './topic-state.store.ts';

/** A topic the actor may read (merged or deleted ones too), with the actor's access; 404 otherwise. */
export async function findTopicStateForActor(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicState; access: CommunityAccess }> {
  const topic = await findTopicState(deps.db, topicId);
  if (!topic) throw notFound('Topic');
  const access = await accessToCommunity(deps.db, topic.community, actor);
  if (!canReadCommunity(actor, access)) throw notFound('Topic');
  return { topic, access };
}

/**
 * The moderation state of a topic for GET: readers see it, merged topics included (so clients can
 * follow mergedInto); a topic deleted for another reason is 404 to all but its moderators, as its
 * page is.
 */
export async function moderationStateFor(deps: Deps, actor: Actor | null, topicId: number): Promise<TopicState> {
  const { topic, access } = await findTopicStateForActor(deps, actor, topicId);
  if (topic.deletedAt !== null && topic.mergedInto === null && !canModerate(actor, access)) throw notFound('Topic');
  return topic;
}

/**
 * Loads a topic for a moderation act. Throws 401 for anonymous, 404 when it does not exist, is
 * deleted or the actor may not read it, 403 when the actor does not moderate its community, and
 * 409 when it was merged into another topic.
 */
export async function topicToModerate(deps: Deps, actor: Actor | null, topicId: number): Promise<{ actor: Actor; topic: TopicState }> {
  if (!actor) throw unauthenticated('Sign in to moderate topics.');
  const { topic, access } = await findTopicStateForActor(deps, actor, topicId);
  if (topic.mergedInto !== null) throw conflict(`This topic was merged into topic ${topic.mergedInto}; moderate that one.`);
  if (topic.deletedAt !== null) throw notFound('Topic');
  if (!canModerate(actor, access)) throw forbidden('Only stewards and moderators of this community can moderate its topics.');
  return { actor, topic };
}

/** What a moderation act changes, for its activity row. */
type Act = 'pinned' | 'unpinned' | 'locked' | 'unlocked' | 'closed' | 'reopened';

async function act(deps: Deps, who: Actor, topic: TopicState, verb: Act, note: string, change: (tx: Deps['db'], at: string) => Promise<boolean>, data: Record<string, unknown> = {}): Promise<{ state: TopicState; did: boolean }> {
  const at = iso(deps.clock.now());
  const did = await deps.db.transaction().execute(async (tx) => {
    if (!(await change(tx, at))) return false;
    await recordActivity(tx, { actorId: who.id, verb: `topic.${verb}`, communityId: topic.community.id, subjectType: 'topic', subjectId: topic.id, data: { title: topic.title, note, ...data }, at });
    return true;
  });
  if (did) deps.bus.publish({ type: `topic.${verb}`, communityId: topic.community.id, payload: { topicId: topic.id } });
  return { state: (await findTopicState(deps.db, topic.id))!, did };
}

async function toggle(deps: Deps, actor: Actor | null, topicId: number, verb: Act, note: string, change: (tx: Deps['db'], at: string) => Promise<boolean>): Promise<TopicState> {
  const { actor: who, topic } = await topicToModerate(deps, actor, topicId);
  return (await act(deps, who, topic, verb, note.trim(), change)).state;
}

/**
 * Pins or unpins a topic (moderators only, see topicToModerate) and records 'topic.pinned' /
 * 'topic.unpinned' with the note. Asking for the state it already has changes and records nothing.
 */
export function setPinned(deps: Deps, actor: Actor | null, topicId: number, pinned: boolean, note = ''): Promise<TopicState> {
  return toggle(deps, actor, topicId, pinned ? 'pinned' : 'unpinned', note, (tx, at) => setFlag(tx, topicId, 'pinned_at', pinned ? at : null));
}

/** Locks or unlocks a topic (no replies, answers, votes or edits while locked); like setPinned. */
export function setLocked(deps: Deps, actor: Actor | null, topicId: number, locked: boolean, note = ''): Promise<TopicState> {
  return toggle(deps, actor, topicId, locked ? 'locked' : 'unlocked', note, (tx, at) => setFlag(tx, topicId, 'locked_at', locked ? at : null));
}

/** What a moderator gives to close a topic. */
export interface CloseInput {
  reason: string;
  duplicateOf?: number | null;
  note?: string;
}

/** Checks a close request; returns the reason and duplicate id or throws 400 naming the field. */
async function checkClose(deps: Deps, actor: Actor, topicId: number, input: CloseInput): Promise<{ reason: CloseReason; duplicateOf: number | null }> {
  if (!closeReasons.includes(input.reason as CloseReason)) throw invalid('reason', `must be one of: ${closeReasons.join(', ')}`);
  const reason = input.reason as CloseReason;
  const dup = input.duplicateOf ?? null;
  if (reason !== 'duplicate') {
    if (dup !== null) throw invalid('duplicateOf', 'is only for the reason duplicate');
    return { reason, duplicateOf: null };
  }
  if (dup === null) throw invalid('duplicateOf', 'is required when the reason is duplicate: give the number of the topic this one repeats');
  if (dup === topicId) throw invalid('duplicateOf', 'must be another topic, not this one');
  const other = await findTopicState(deps.db, dup);
  const readable = other && other.deletedAt === null && canReadCommunity(actor, await accessToCommunity(deps.db, other.community, actor));
  if (!readable) throw invalid('duplicateOf', `is not a topic you can read (no topic ${dup})`);
  return { reason, duplicateOf: dup };
}

/**
 * Closes a topic with a reason (solved_elsewhere, off_domain, duplicate — which needs duplicateOf, a
 * topic the actor can read) and an optional note; records 'topic.closed'. Throws 400 naming the field,
 * 409 when it is already closed, and what topicToModerate throws.
 */
export async function closeTopic(deps: Deps, actor: Actor | null, topicId: number, input: CloseInput): Promise<TopicState> {
  const { actor: who, topic } = await topicToModerate(deps, actor, topicId);
  const { reason, duplicateOf } = await checkClose(deps, who, topicId, input);
  if (topic.closedAt !== null) throw conflict('This topic is already closed. Reopen it first to close it for another reason.');
  const note = (input.note ?? '').trim();
  const { state, did } = await act(deps, who, topic, 'closed', note, (tx, at) => closeTopicRow(tx, topicId, { reason, note, duplicateOf, at }), { reason, duplicateOf });
  if (!did) throw conflict('This topic was closed by someone else a moment ago.');
  return state;
}

/** Reopens a closed topic and records 'topic.reopened'; an open topic stays as it is. */
export function reopenTopic(deps: Deps, actor: Actor | null, topicId: number, note = ''): Promise<TopicState> {
  return toggle(deps, actor, topicId, 'reopened', note, (tx) => reopenTopicRow(tx, topicId));
}
