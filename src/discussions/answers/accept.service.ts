import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { notifyOnAccepted } from '../../notifications/notify.ts';
import { answersErrors } from './answers.errors.ts';
import { loadReadableTopic, requireActor, requireMember, requireOpenTopic } from './answers.guard.ts';
import { mayAcceptAnswer } from './answers.rules.ts';
import type { AcceptedState } from './answers.schema.ts';
import { findPostTarget, setAcceptedPost, type TopicTarget } from './answers.store.ts';
import { indexTopicSolved } from '../../search/search.index.ts';
import { refreshExpertise } from '../../people/expertise/expertise.hooks.ts';

const DOING = 'accept answers';

/**
 * A question whose accepted answer the actor may change: 401 anonymous, 404 unreadable, 403 not a
 * member, 400 not a question, 403 not allowed by the community's accept_by, 409 deleted or locked.
 */
async function acceptableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ actor: Actor; topic: TopicTarget }> {
  const me = requireActor(actor, DOING);
  const { topic, access } = await loadReadableTopic(deps, me, topicId);
  requireMember(me, access, DOING);
  if (topic.kind !== 'question') throw answersErrors.notAQuestion();
  if (!mayAcceptAnswer(me.id, access, topic)) throw answersErrors.notAllowedToAccept(topic.community.acceptBy);
  requireOpenTopic(topic);
  return { actor: me, topic };
}

/**
 * Marks `postId` as the accepted answer of a question, replacing any other. The topic change, an
 * 'answer.accepted' activity row ({postId, previous, answerAuthorId}) and the answer author's
 * notification commit together; accepting the answer already accepted writes nothing. Throws as
 * acceptableTopic says, and 400 (naming postId) when the post is not a live answer to this question.
 */
export async function acceptAnswer(deps: Deps, actor: Actor | null, topicId: number, postId: number): Promise<AcceptedState> {
  const { actor: me, topic } = await acceptableTopic(deps, actor, topicId);
  const answer = await findPostTarget(deps.db, postId);
  if (!answer || answer.topic.id !== topic.id || answer.kind !== 'answer' || answer.deletedAt) throw answersErrors.notAnAnswer(postId);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    const changed = await setAcceptedPost(tx, topic.id, postId);
    if (!changed) return;
    const communityId = topic.community.id;
    await indexTopicSolved(tx, topic.id);
    await recordActivity(tx, { actorId: me.id, verb: 'answer.accepted', communityId, subjectType: 'post', subjectId: postId, data: { topicId: topic.id, previous: changed.previous, answerAuthorId: answer.authorId }, at });
    await refreshExpertise(tx, { posts: changed.previous === null ? [postId] : [postId, changed.previous] }, at);
    await notifyOnAccepted(tx, { postId, topicId: topic.id, communityId, answerAuthorId: answer.authorId, acceptedBy: me.id, at });
  });
  return { topicId: topic.id, acceptedPostId: postId };
}

/**
 * Clears a question's accepted answer, with an 'answer.unaccepted' activity row naming the answer.
 * Without an accepted answer nothing is written. Throws as acceptableTopic says.
 */
export async function unacceptAnswer(deps: Deps, actor: Actor | null, topicId: number): Promise<AcceptedState> {
  const { actor: me, topic } = await acceptableTopic(deps, actor, topicId);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (tx) => {
    const changed = await setAcceptedPost(tx, topic.id, null);
    if (!changed || changed.previous === null) return;
    await indexTopicSolved(tx, topic.id);
    await recordActivity(tx, { actorId: me.id, verb: 'answer.unaccepted', communityId: topic.community.id, subjectType: 'post', subjectId: changed.previous, data: { topicId: topic.id }, at });
    await refreshExpertise(tx, { posts: [changed.previous] }, at);
  });
  return { topicId: topic.id, acceptedPostId: null };
}
