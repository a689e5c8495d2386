import { recordActivity } from '../../core/activity.ts';
import { iso } from '../../core/clock.ts';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { answersErrors } from './answers.errors.ts';
import { loadReadablePost, requireActor, requireMember, requireOpenPost } from './answers.guard.ts';
import { isQuestionPost } from './answers.rules.ts';
import type { VoteState } from './answers.schema.ts';
import type { PostTarget } from './answers.store.ts';
import { addToScore, deleteVote, putVote, scoreOf, type VoteValue } from './votes.store.ts';
import { refreshExpertise } from '../../people/expertise/expertise.hooks.ts';

const DOING = 'vote';

/** Loads a post the actor may vote on: 401, 404, 403 (not a member, own post), 400 (not votable), 409 (deleted, locked). */
async function votablePost(deps: Deps, actor: Actor | null, postId: number): Promise<{ actor: Actor; post: PostTarget }> {
  const me = requireActor(actor, DOING);
  const { post, access } = await loadReadablePost(deps, me, postId);
  requireMember(me, access, DOING);
  if (!isQuestionPost(post)) throw answersErrors.notVotable();
  requireOpenPost(post);
  if (post.authorId === me.id) throw answersErrors.ownPost();
  return { actor: me, post };
}

/**
 * Makes the actor's vote on a question or answer `value` (+1/−1): a new vote, a switched one, or the
 * same one again (then nothing is written). The vote row, the post's score (score = score + delta)
 * and a 'post.voted' activity row ({value, previous, topicId}) commit together, so concurrent votes
 * never lose a count. Throws as votablePost says; nothing is written then.
 */
export async function castVote(deps: Deps, actor: Actor | null, postId: number, value: VoteValue): Promise<VoteState> {
  const { actor: me, post } = await votablePost(deps, actor, postId);
  const at = iso(deps.clock.now());
  return deps.db.transaction().execute(async (tx) => {
    const previous = await putVote(tx, { postId, userId: me.id, value, at });
    if (previous === value) return { postId, score: await scoreOf(tx, postId), myVote: value };
    const score = await addToScore(tx, postId, value - previous);
    await recordActivity(tx, { actorId: me.id, verb: 'post.voted', communityId: post.topic.community.id, subjectType: 'post', subjectId: postId, data: { value, previous, topicId: post.topic.id, postAuthorId: post.authorId }, at });
    await refreshExpertise(tx, { posts: [postId] }, at);
    return { postId, score, myVote: value };
  });
}

/**
 * Takes back the actor's vote on a post. Records 'post.voted' with value 0 (and the previous value)
 * when there was a vote; without one, nothing is written. Same rules and errors as castVote.
 */
export async function removeVote(deps: Deps, actor: Actor | null, postId: number): Promise<VoteState> {
  const { actor: me, post } = await votablePost(deps, actor, postId);
  const at = iso(deps.clock.now());
  return deps.db.transaction().execute(async (tx) => {
    const previous = await deleteVote(tx, postId, me.id);
    if (previous === 0) return { postId, score: await scoreOf(tx, postId), myVote: null };
    const score = await addToScore(tx, postId, -previous);
    await recordActivity(tx, { actorId: me.id, verb: 'post.voted', communityId: post.topic.community.id, subjectType: 'post', subjectId: postId, data: { value: 0, previous, topicId: post.topic.id, postAuthorId: post.authorId }, at });
    await refreshExpertise(tx, { posts: [postId] }, at);
    return { postId, score, myVote: null };
  });
}

