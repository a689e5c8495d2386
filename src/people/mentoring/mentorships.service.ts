import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, fieldError, notFound, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { renderPostBody } from '../../discussions/post-body.ts';
import { notifyEnded } from './mentoring.notify.ts';
import { findMentorship, type Mentorship } from './mentorships.store.ts';
import { MENTORING_LIMITS } from './offers.service.ts';
import { releasePlace } from './offers.store.ts';

/**
 * A mentorship the actor takes part in. Everyone else — other members, stewards and organisation admins
 * alike — gets 404: goals, check-ins and feedback are between the mentor and the mentee.
 */
export async function findOwnMentorship(deps: Deps, actor: Actor | null, id: number): Promise<Mentorship> {
  if (!actor) throw unauthenticated('Sign in to see your mentorships.');
  const m = await findMentorship(deps.db, id);
  if (!m || (m.mentor.id !== actor.id && m.mentee.id !== actor.id)) throw notFound('Mentorship');
  return m;
}

async function activeOwn(deps: Deps, actor: Actor | null, id: number): Promise<{ m: Mentorship; actor: Actor }> {
  const m = await findOwnMentorship(deps, actor, id);
  if (m.state !== 'active') throw conflict('This mentorship has ended.');
  return { m, actor: actor! };
}

/** Adds a goal (1–200 characters) to an active mentorship. Returns its id. */
export async function addGoal(deps: Deps, actor: Actor | null, id: number, rawTitle: string): Promise<number> {
  const { m, actor: a } = await activeOwn(deps, actor, id);
  const title = rawTitle.trim();
  if (title === '' || title.length > MENTORING_LIMITS.goalTitleMax) throw fieldError('title', `must be 1 to ${MENTORING_LIMITS.goalTitleMax} characters`);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const { id: goalId } = await tx.insertInto('mentorship_goals').values({ mentorship_id: m.id, title, created_by: a.id, created_at: at, done_at: null }).returning('id').executeTakeFirstOrThrow();
    await recordActivity(tx, { actorId: a.id, verb: 'mentorship.goal_added', subjectType: 'mentorship', subjectId: m.id, at });
    return goalId;
  });
}

/** Ticks (or unticks) a goal of an active mentorship; 404 naming the goal when it is not this mentorship's. */
export async function setGoalDone(deps: Deps, actor: Actor | null, id: number, goalId: number, done: boolean): Promise<void> {
  const { m, actor: a } = await activeOwn(deps, actor, id);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const r = await tx.updateTable('mentorship_goals').set({ done: done ? 1 : 0, done_at: done ? at : null }).where('id', '=', goalId).where('mentorship_id', '=', m.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Goal');
    if (done) await recordActivity(tx, { actorId: a.id, verb: 'mentorship.goal_done', subjectType: 'mentorship', subjectId: m.id, at });
  });
}

/** Writes a private check-in (Markdown) on an active mentorship. Returns its id. */
export async function addCheckin(deps: Deps, actor: Actor | null, id: number, body: string): Promise<number> {
  const { m, actor: a } = await activeOwn(deps, actor, id);
  if (body.length > MENTORING_LIMITS.checkinMax) throw fieldError('body', `must be at most ${MENTORING_LIMITS.checkinMax} characters`);
  const rendered = await renderPostBody(deps.db, body.trim(), 'body');
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const { id: checkinId } = await tx.insertInto('mentorship_checkins').values({ mentorship_id: m.id, author_id: a.id, body: rendered.body, body_html: rendered.html, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await recordActivity(tx, { actorId: a.id, verb: 'mentorship.checked_in', subjectType: 'mentorship', subjectId: m.id, at });
    return checkinId;
  });
}

export interface FeedbackInput {
  rating?: number | null | undefined;
  feedback?: string | undefined;
}

async function checkedFeedback(deps: Deps, input: FeedbackInput, required: boolean) {
  const rating = input.rating ?? null;
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5)) throw fieldError('rating', 'must be a whole number from 1 to 5');
  const text = (input.feedback ?? '').trim();
  if (text.length > MENTORING_LIMITS.feedbackMax) throw fieldError('feedback', `must be at most ${MENTORING_LIMITS.feedbackMax} characters`);
  if (required && rating === null && text === '') throw badRequest('Give a rating or a few words of feedback', [{ field: 'feedback', message: 'give a rating or a few words' }]);
  const html = text ? (await renderPostBody(deps.db, text, 'feedback')).html : '';
  return { rating, body: text, html };
}

/**
 * Ends an active mentorship (the mentor or the mentee), with the ender's optional feedback; the mentor's
 * place is given back and the other side is notified. 409 when it has already ended.
 */
export async function endMentorship(deps: Deps, actor: Actor | null, id: number, input: FeedbackInput): Promise<void> {
  const m = await findOwnMentorship(deps, actor, id);
  const f = await checkedFeedback(deps, input, false);
  const a = actor!;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const r = await tx.updateTable('mentorships').set({ state: 'ended', ended_at: at }).where('id', '=', m.id).where('state', '=', 'active').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw conflict('This mentorship has already ended.');
    await releasePlace(tx, m.mentor.id, at);
    if (f.rating !== null || f.body !== '') await tx.insertInto('mentorship_feedback').values({ mentorship_id: m.id, author_id: a.id, rating: f.rating, body: f.body, body_html: f.html, created_at: at }).execute();
    await recordActivity(tx, { actorId: a.id, verb: 'mentorship.ended', communityId: m.communityId, subjectType: 'mentorship', subjectId: m.id, data: { mentorId: m.mentor.id, menteeId: m.mentee.id }, at });
    await notifyEnded(tx, { mentorshipId: m.id, by: { id: a.id, username: a.username, displayName: a.displayName }, otherId: a.id === m.mentor.id ? m.mentee.id : m.mentor.id }, at);
  });
}

/** Feedback on an ended mentorship, once per side: 409 while still active or when already given. */
export async function giveFeedback(deps: Deps, actor: Actor | null, id: number, input: FeedbackInput): Promise<void> {
  const m = await findOwnMentorship(deps, actor, id);
  if (m.state !== 'ended') throw conflict('Feedback is given when the mentorship ends: end it first.');
  const f = await checkedFeedback(deps, input, true);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const given = await tx.selectFrom('mentorship_feedback').select('author_id').where('mentorship_id', '=', m.id).where('author_id', '=', actor!.id).executeTakeFirst();
    if (given) throw conflict('You have already given feedback on this mentorship.');
    await tx.insertInto('mentorship_feedback').values({ mentorship_id: m.id, author_id: actor!.id, rating: f.rating, body: f.body, body_html: f.html, created_at: at }).execute();
    await recordActivity(tx, { actorId: actor!.id, verb: 'mentorship.feedback_given', subjectType: 'mentorship', subjectId: m.id, at });
  });
}
