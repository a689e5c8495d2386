import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { conflict, fieldError, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import { isModerator } from '../../discussions/discussions.rules.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import type { TopicSummary } from '../../discussions/topics.store.ts';
import { insertNotifications } from '../../notifications/notifications.store.ts';
import { tokenize } from '../../search/related/query.ts';
import { rankAnswerers, type Reason } from './ranker.ts';
import { answerersOf, findInvitation, insertInvitation, invitedTo, loadHistory, markDeclined, membersAmong, openingPostId, openInvitationCounts } from './routing.store.ts';
import { tagsOfTopics } from '../../discussions/tags.store.ts';

/** A suggested answerer with the reasons shown beside them. */
export interface Suggestion {
  user: { id: number; username: string; displayName: string };
  score: number;
  reasons: Reason[];
  /** 'open' when already invited (and not yet answered or declined). */
  invitation: 'open' | null;
}

/** Why a topic takes no suggestions or invitations, or null when it is an open question. */
export function notRoutable(topic: TopicSummary): string | null {
  if (topic.kind !== 'question') return 'Only questions take suggested answerers and invitations; this topic is a discussion.';
  if (topic.deleted) return 'This question was deleted.';
  if (topic.closed || topic.locked) return 'This question is closed.';
  if (topic.acceptedPostId !== null) return 'This question already has an accepted answer.';
  return null;
}

/** May the actor see suggestions for and invite people to this question? Its asker, stewards and moderators. */
export function mayRoute(actor: Actor | null, topic: TopicSummary, access: CommunityAccess): boolean {
  return actor !== null && access.role !== null && (topic.author.id === actor.id || isModerator(access));
}

/**
 * Loads a question the actor may route: 401 anonymous, 404 unless readable (the visibility rule),
 * 403 unless asker/steward/moderator, 409 unless an open question.
 */
export async function findRoutableQuestion(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicSummary; access: CommunityAccess; actor: Actor }> {
  if (!actor) throw unauthenticated();
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  if (!mayRoute(actor, topic, access)) throw forbidden('Only the asker and the community’s stewards and moderators may route this question.');
  const problem = notRoutable(topic);
  if (problem) throw conflict(problem);
  return { topic, access, actor };
}

/**
 * Ranks the community's members for the question (ranker.ts, default method), leaving out the asker,
 * people who answered it already and people who declined it. No visibility check: callers do it.
 */
export async function rankForQuestion(db: Db, topic: TopicSummary, now: Date, limit: number): Promise<Suggestion[]> {
  const history = await loadHistory(db, topic.communityId, now.toISOString());
  const tags = (await tagsOfTopics(db, [topic.id])).get(topic.id) ?? [];
  const people = [...new Set(history.answers.map((a) => a.userId))];
  const [members, answered, invited, load] = await Promise.all([membersAmong(db, topic.communityId, people), answerersOf(db, topic.id), invitedTo(db, topic.id), openInvitationCounts(db, people)]);
  const candidates = new Set([...members].filter((id) => !answered.has(id) && invited.get(id) !== 'declined'));
  const ranked = rankAnswerers({ authorId: topic.author.id, tags, at: now.getTime(), terms: tokenize(topic.title) }, history, { candidates, openInvitations: load, limit });
  if (ranked.length === 0) return [];
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ranked.map((r) => r.userId)).execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  return ranked.flatMap((r) => {
    const u = byId.get(r.userId);
    return u ? [{ user: { id: u.id, username: u.username, displayName: u.display_name }, score: r.score, reasons: r.reasons, invitation: invited.get(u.id) === 'open' ? ('open' as const) : null }] : [];
  });
}

/** Suggested answerers for a question the actor may route (see findRoutableQuestion). */
export async function suggestAnswerers(deps: Deps, actor: Actor | null, topicId: number, limit: number): Promise<Suggestion[]> {
  const { topic } = await findRoutableQuestion(deps, actor, topicId);
  return rankForQuestion(deps.db, topic, deps.clock.now(), limit);
}

/**
 * Writes one invitation with its notification ('invited', pointing at the opening post) and activity
 * row. Run inside the caller's transaction.
 */
export async function writeInvitation(tx: Db, v: { topic: TopicSummary; inviteeId: number; invitedBy: number | null; source: 'member' | 'escalation'; at: string }): Promise<number> {
  const id = await insertInvitation(tx, { topicId: v.topic.id, communityId: v.topic.communityId, inviteeId: v.inviteeId, invitedBy: v.invitedBy, source: v.source, at: v.at });
  await insertNotifications(tx, [{ userId: v.inviteeId, kind: 'invited', actorId: v.invitedBy, communityId: v.topic.communityId, topicId: v.topic.id, postId: await openingPostId(tx, v.topic.id), at: v.at }]);
  await recordActivity(tx, { actorId: v.invitedBy, verb: 'question.invited', communityId: v.topic.communityId, subjectType: 'topic', subjectId: v.topic.id, data: { invitationId: id, inviteeId: v.inviteeId, source: v.source }, at: v.at });
  return id;
}

/**
 * Invites a member to answer a question. 400 naming `username` when there is no such person, it is
 * the actor, or they are not a member of the question's private community; 409 when already invited
 * or they already answered. Nothing is written on any refusal.
 */
export async function inviteToAnswer(deps: Deps, actorIn: Actor | null, topicId: number, rawUsername: string): Promise<{ id: number; topic: TopicSummary; invitee: { id: number; username: string; displayName: string } }> {
  const { topic, actor } = await findRoutableQuestion(deps, actorIn, topicId);
  const username = rawUsername.trim().replace(/^@/, '');
  if (username === '') throw fieldError('username', 'Say whom to invite.');
  const user = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirst();
  if (!user) throw fieldError('username', `There is no member called “${username}”.`);
  if (user.id === actor.id) throw fieldError('username', 'You cannot invite yourself.');
  if (user.id === topic.author.id) throw fieldError('username', 'That is the person who asked.');
  const community = await deps.db.selectFrom('communities').select('visibility').where('id', '=', topic.communityId).executeTakeFirstOrThrow();
  if (community.visibility === 'private' && !(await membersAmong(deps.db, topic.communityId, [user.id])).has(user.id)) throw fieldError('username', `${user.username} is not a member of this private community.`);
  if ((await invitedTo(deps.db, topic.id)).has(user.id)) throw conflict(`${user.username} was already invited to answer this question.`);
  if ((await answerersOf(deps.db, topic.id)).has(user.id)) throw conflict(`${user.username} already answered this question.`);
  const at = deps.clock.now().toISOString();
  const id = await deps.db
    .transaction()
    .execute((tx) => writeInvitation(tx, { topic, inviteeId: user.id, invitedBy: actor.id, source: 'member', at }))
    .catch(async (err: unknown) => {
      // Two invitations of the same person at once: the unique (topic, invitee) key let one through.
      if ((await invitedTo(deps.db, topic.id)).has(user.id)) throw conflict(`${user.username} was already invited to answer this question.`);
      throw err;
    });
  return { id, topic, invitee: { id: user.id, username: user.username, displayName: user.display_name } };
}

/** The invitee declines an open invitation (it stops counting as load). 404 for anyone else; 409 when not open. */
export async function declineInvitation(deps: Deps, actor: Actor | null, id: number): Promise<{ topicId: number }> {
  if (!actor) throw unauthenticated();
  const inv = await findInvitation(deps.db, id);
  if (!inv || inv.invitee_id !== actor.id) throw notFound('Invitation');
  if (inv.state !== 'open') throw conflict('You already declined this invitation.');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await markDeclined(tx, id, at))) throw conflict('You already declined this invitation.');
    await recordActivity(tx, { actorId: actor.id, verb: 'question.invitation_declined', communityId: inv.community_id, subjectType: 'topic', subjectId: inv.topic_id, data: { invitationId: id }, at });
  });
  return { topicId: inv.topic_id };
}
