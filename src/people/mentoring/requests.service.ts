import { recordActivity } from '../../core/activity.ts';
import type { Db } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { AppError, conflict, fieldError, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canReadCommunity, type Actor } from '../../core/permissions/index.ts';
import { findCommunityForActor } from '../../communities/communities.access.ts';
import { renderPostBody } from '../../discussions/post-body.ts';
import { awardBadges } from '../expertise/badges.service.ts';
import { checkCommunityTags } from '../profiles/tag-policy.ts';
import { notifyAnswered, notifyRequested } from './mentoring.notify.ts';
import { hasActiveMentorship } from './mentorships.store.ts';
import { checkedSkills, MENTORING_LIMITS } from './offers.service.ts';
import { findOffer, reservePlace } from './offers.store.ts';
import { findRequest, hasPendingRequest, insertRequest, moveRequest, type MentoringRequest, type PersonRef } from './requests.store.ts';

export interface RequestInput {
  goals: string;
  skills: string[] | string;
  /** Slug of a community the request is about (optional). */
  community?: string | undefined;
  /** Username of the mentor asked (optional: without one the request stays open and shows proposals). */
  mentor?: string | undefined;
}

async function communityIdFor(deps: Deps, actor: Actor, slug: string | undefined): Promise<number | null> {
  if (!slug) return null;
  const found = await findCommunityForActor(deps.db, slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw fieldError('community', 'is not a community you can read');
  return found.community.id;
}

/**
 * The mentor named by `username`, checked for a request from `mentee`: 400 naming mentor for nobody or
 * oneself; 409 naming mentor when they offer no mentoring, have no free place, already mentor the mentee
 * or have a pending request from them; 400 naming community when they cannot read its community.
 */
async function availableMentor(deps: Deps, mentee: Actor, username: string, communityId: number | null): Promise<PersonRef> {
  const u = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username.trim().replace(/^@/, '')).executeTakeFirst();
  if (!u) throw fieldError('mentor', 'is not a member');
  if (u.id === mentee.id) throw fieldError('mentor', 'you cannot ask yourself for mentoring');
  const who = u.display_name;
  const offer = await findOffer(deps.db, u.id);
  const busy = (message: string) => conflict(`mentor: ${message}`, [{ field: 'mentor', message }]);
  if (!offer || !offer.active) throw busy(`${who} is not taking mentees`);
  if (offer.taken >= offer.capacity) throw busy(`${who} is at capacity (${offer.taken} of ${offer.capacity} places taken)`);
  if (await hasActiveMentorship(deps.db, u.id, mentee.id)) throw busy(`${who} already mentors you`);
  if (await hasPendingRequest(deps.db, mentee.id, u.id)) throw busy(`you already have a request waiting for ${who}`);
  if (communityId !== null) {
    const slug = (await deps.db.selectFrom('communities').select('slug').where('id', '=', communityId).executeTakeFirstOrThrow()).slug;
    const asMentor: Actor = { id: u.id, username: u.username, displayName: u.display_name, role: 'member' };
    const found = await findCommunityForActor(deps.db, slug, asMentor);
    if (!found || !canReadCommunity(asMentor, found.access)) throw fieldError('community', `${who} is not a member of this community`);
  }
  return { id: u.id, username: u.username, displayName: u.display_name };
}

/** A community with a closed tag policy accepts only skills among its tags: 400 naming skills otherwise (src/people/profiles/tag-policy.ts). */
async function checkSkillsAgainstPolicy(deps: Deps, communityId: number, keys: string[]): Promise<void> {
  try {
    await checkCommunityTags(deps.db, communityId, keys);
  } catch (err) {
    // The policy speaks of tags; here the same words are skills to learn, so the error names `skills`.
    if (err instanceof AppError) throw fieldError('skills', err.details[0]?.message ?? err.message);
    throw err;
  }
}

async function announce(tx: Db, r: { id: number; mentee: PersonRef; mentor: PersonRef; skills: string[]; communityId: number | null }, at: string): Promise<void> {
  await recordActivity(tx, { actorId: r.mentee.id, verb: 'mentoring.requested', communityId: r.communityId, subjectType: 'mentoring_request', subjectId: r.id, data: { mentorId: r.mentor.id }, at });
  await notifyRequested(tx, { id: r.id, mentee: r.mentee, mentorId: r.mentor.id, skills: r.skills }, at);
}

/** Creates a request (pending when it names a mentor, who is notified; open otherwise). Returns its id. Throws as availableMentor, and 400 naming goals or skills. */
export async function createRequest(deps: Deps, actor: Actor | null, input: RequestInput): Promise<number> {
  if (!actor) throw unauthenticated('Sign in to ask for mentoring.');
  if (input.goals.trim().length > MENTORING_LIMITS.goalsMax) throw fieldError('goals', `must be at most ${MENTORING_LIMITS.goalsMax} characters`);
  const goals = await renderPostBody(deps.db, input.goals.trim(), 'goals');
  const skills = checkedSkills(input.skills);
  const communityId = await communityIdFor(deps, actor, input.community);
  if (communityId !== null) await checkSkillsAgainstPolicy(deps, communityId, skills.map((s) => s.skillKey));
  const mentor = input.mentor?.trim() ? await availableMentor(deps, actor, input.mentor, communityId) : null;
  const at = deps.clock.now().toISOString();
  const mentee = { id: actor.id, username: actor.username, displayName: actor.displayName };
  return deps.db.transaction().execute(async (tx) => {
    const id = await insertRequest(tx, { menteeId: actor.id, mentorId: mentor?.id ?? null, communityId, goals: goals.body, goalsHtml: goals.html, skills, state: mentor ? 'pending' : 'open' }, at);
    if (mentor) await announce(tx, { id, mentee, mentor, skills: skills.map((s) => s.skill), communityId }, at);
    return id;
  });
}

/** A request the actor may see: its mentee, or the mentor it names. 404 for everyone else (admins too). */
export async function findVisibleRequest(deps: Deps, actor: Actor | null, id: number): Promise<MentoringRequest> {
  const r = await findRequest(deps.db, id);
  if (!r || !actor || (r.mentee.id !== actor.id && r.mentor?.id !== actor.id)) throw notFound('Mentoring request');
  return r;
}

/** The mentee names a mentor for an open (or declined) request; the mentor is notified. */
export async function askMentor(deps: Deps, actor: Actor | null, id: number, username: string): Promise<void> {
  const r = await findVisibleRequest(deps, actor, id);
  if (r.mentee.id !== actor!.id) throw forbidden('Only the person who asked can choose a mentor.');
  const mentor = await availableMentor(deps, actor!, username, r.communityId);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await moveRequest(tx, id, ['open', 'declined'], 'pending', at, mentor.id))) throw conflict(`This request is ${r.state}; ask from an open or declined request.`);
    await announce(tx, { id, mentee: r.mentee, mentor, skills: r.skills.map((s) => s.skill), communityId: r.communityId }, at);
  });
}

/**
 * The mentor accepts a pending request: in one transaction the request moves to accepted and one place of
 * the mentor's capacity is taken by a guarded UPDATE; when none is left (even because a concurrent accept
 * took the last), 409 and nothing is written. Returns the new mentorship's id.
 */
export async function acceptRequest(deps: Deps, actor: Actor | null, id: number): Promise<number> {
  const r = await findVisibleRequest(deps, actor, id);
  if (r.mentor?.id !== actor!.id) throw forbidden('Only the mentor asked can accept.');
  const mentor = r.mentor;
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (!(await moveRequest(tx, id, ['pending'], 'accepted', at))) throw conflict(`This request is no longer pending.`);
    if (!(await reservePlace(tx, mentor.id, at))) throw conflict('You are at capacity: end a mentorship or raise your capacity before accepting.', [{ field: 'capacity', message: 'no free place left' }]);
    if (await hasActiveMentorship(tx, mentor.id, r.mentee.id)) throw conflict(`You already mentor ${r.mentee.displayName}.`);
    const { id: mentorshipId } = await tx
      .insertInto('mentorships')
      .values({ mentor_id: mentor.id, mentee_id: r.mentee.id, community_id: r.communityId, request_id: id, state: 'active', started_at: at, ended_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await awardBadges(tx, [mentor.id], at); // "mentor of N" (src/people/expertise)
    await recordActivity(tx, { actorId: mentor.id, verb: 'mentorship.started', communityId: r.communityId, subjectType: 'mentorship', subjectId: mentorshipId, data: { mentorId: mentor.id, menteeId: r.mentee.id }, at });
    await notifyAnswered(tx, { accepted: true, requestId: id, mentorshipId, mentor, menteeId: r.mentee.id }, at);
    return mentorshipId;
  });
}

/** The mentor declines a pending request; the mentee is notified and may ask someone else. */
export async function declineRequest(deps: Deps, actor: Actor | null, id: number): Promise<void> {
  const r = await findVisibleRequest(deps, actor, id);
  if (r.mentor?.id !== actor!.id) throw forbidden('Only the mentor asked can decline.');
  const mentor = r.mentor;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await moveRequest(tx, id, ['pending'], 'declined', at))) throw conflict('This request is no longer pending.');
    await recordActivity(tx, { actorId: mentor.id, verb: 'mentoring.declined', communityId: r.communityId, subjectType: 'mentoring_request', subjectId: id, at });
    await notifyAnswered(tx, { accepted: false, requestId: id, mentor, menteeId: r.mentee.id }, at);
  });
}

/** The mentee withdraws an open, pending or declined request. */
export async function withdrawRequest(deps: Deps, actor: Actor | null, id: number): Promise<void> {
  const r = await findVisibleRequest(deps, actor, id);
  if (r.mentee.id !== actor!.id) throw forbidden('Only the person who asked can withdraw the request.');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await moveRequest(tx, id, ['open', 'pending', 'declined'], 'withdrawn', at))) throw conflict(`This request is ${r.state} and cannot be withdrawn.`);
    await recordActivity(tx, { actorId: actor!.id, verb: 'mentoring.withdrawn', communityId: r.communityId, subjectType: 'mentoring_request', subjectId: id, at });
  });
}

/** The request's community as `actor` may see it: null when there is none or they may not read it. */
export async function communityShownTo(deps: Deps, actor: Actor | null, communityId: number | null): Promise<{ slug: string; name: string } | null> {
  if (communityId === null) return null;
  const c = await deps.db.selectFrom('communities').select('slug').where('id', '=', communityId).executeTakeFirst();
  const found = c && (await findCommunityForActor(deps.db, c.slug, actor));
  return found && canReadCommunity(actor, found.access) ? { slug: found.community.slug, name: found.community.name } : null;
}
