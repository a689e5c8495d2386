import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { normaliseSkill } from '../profiles/skills.store.ts';
import { proposeMentors } from './mentoring.candidates.ts';
import {
  AskBody, CheckinBody, CheckinListSchema, CheckinSchema, errorResponses, FeedbackBody, GoalBody, GoalParams, GoalPatchBody, IdParams, ListQuery, MentorListQuery, MentorshipListSchema, MentorshipSchema,
  mentorshipDto, mentorshipSummaryDto, OfferBody, offerDto, OfferListSchema, OfferSchema, proposalDto, ProposalListSchema, RequestBody, requestDto, RequestListQuery, RequestListSchema, RequestSchema, tags,
} from './mentoring.schema.ts';
import { addCheckin, addGoal, endMentorship, findOwnMentorship, giveFeedback, setGoalDone } from './mentorships.service.ts';
import { feedbackOf, goalsOf, listCheckins, listMentorships } from './mentorships.store.ts';
import { saveMyOffer } from './offers.service.ts';
import { findOffer, listAvailableOffers } from './offers.store.ts';
import { acceptRequest, askMentor, communityShownTo, createRequest, declineRequest, findVisibleRequest, withdrawRequest } from './requests.service.ts';
import { listRequests } from './requests.store.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of mentoring under /api/v1/mentoring. Everything but the mentor list needs a signed-in member. */
export async function mentoringApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const auth = { onRequest: requireSignedIn };
  const showRequest = async (actor: Actor, id: number) => {
    const q = await findVisibleRequest(deps, actor, id);
    return requestDto(q, await communityShownTo(deps, actor, q.communityId));
  };
  const showMentorship = async (actor: Actor, id: number) => {
    const m = await findOwnMentorship(deps, actor, id);
    return mentorshipDto(m, await goalsOf(deps.db, id), await feedbackOf(deps.db, id));
  };

  r.get('/api/v1/mentoring/mentors', { schema: { tags, summary: 'Mentors taking mentees now (active offers with a free place), newest offers first', querystring: MentorListQuery, response: { 200: OfferListSchema, ...errorResponses(400) } } }, async (req) => {
    const limit = req.query.limit ?? 20;
    const skillKey = req.query.skill ? normaliseSkill(req.query.skill) || undefined : undefined;
    const rows = await listAvailableOffers(deps.db, { skillKey, after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (o) => ({ v: o.id, id: o.id }));
    return { items: items.map(offerDto), nextCursor };
  });

  r.get('/api/v1/mentoring/offer', { ...auth, schema: { tags, summary: 'My offer to mentor', response: { 200: OfferSchema, ...errorResponses(401, 404) } } }, async (req) => {
    const o = await findOffer(deps.db, req.actor!.id);
    if (!o) throw notFound('Mentoring offer');
    return offerDto(o);
  });

  r.put('/api/v1/mentoring/offer', { ...auth, schema: { tags, summary: 'Offer to mentor, or change my offer (skills, capacity 1–10, time zone, note, active)', body: OfferBody, response: { 200: OfferSchema, ...errorResponses(400, 401, 409) } } }, async (req) => offerDto(await saveMyOffer(deps, req.actor, req.body)));

  r.get('/api/v1/mentoring/requests', { ...auth, schema: { tags, summary: 'Mentoring requests I made, or (as=mentor) that name me as mentor, newest first', querystring: RequestListQuery, response: { 200: RequestListSchema, ...errorResponses(400, 401) } } }, async (req) => {
    const limit = req.query.limit ?? 20;
    const rows = await listRequests(deps.db, req.actor!.id, { as: req.query.as ?? 'mentee', after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (q) => ({ v: q.id, id: q.id }));
    return { items: await Promise.all(items.map(async (q) => requestDto(q, await communityShownTo(deps, req.actor, q.communityId)))), nextCursor };
  });

  r.post('/api/v1/mentoring/requests', { ...auth, schema: { tags, summary: 'Ask for mentoring: goals, skills to learn, optionally a community and the mentor to ask', body: RequestBody, response: { 201: RequestSchema, ...errorResponses(400, 401, 409) } } }, async (req, reply) => {
    const id = await createRequest(deps, req.actor, req.body);
    return reply.status(201).send(await showRequest(req.actor!, id));
  });

  r.get('/api/v1/mentoring/requests/:id', { ...auth, schema: { tags, summary: 'A mentoring request (its mentee and the mentor it names only)', params: IdParams, response: { 200: RequestSchema, ...errorResponses(400, 401, 404) } } }, async (req) => showRequest(req.actor!, req.params.id));

  r.get('/api/v1/mentoring/requests/:id/proposals', { ...auth, schema: { tags, summary: 'Mentors proposed for my request, best first, with the reasons', params: IdParams, response: { 200: ProposalListSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const q = await findVisibleRequest(deps, req.actor, req.params.id);
    if (q.mentee.id !== req.actor!.id) throw notFound('Mentoring request');
    return { items: (await proposeMentors(deps, req.actor!, q.skills)).slice(0, 20).map(proposalDto) };
  });

  const requestAction = (path: string, summary: string, run: (actor: Actor, id: number) => Promise<unknown>) =>
    r.post(`/api/v1/mentoring/requests/:id/${path}`, { ...auth, schema: { tags, summary, params: IdParams, response: { 200: RequestSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req) => {
      await run(req.actor!, req.params.id);
      return showRequest(req.actor!, req.params.id);
    });
  requestAction('decline', 'Decline a request naming me (the mentor); the mentee is told', (a, id) => declineRequest(deps, a, id));
  requestAction('withdraw', 'Withdraw my request', (a, id) => withdrawRequest(deps, a, id));

  r.post('/api/v1/mentoring/requests/:id/ask', { ...auth, schema: { tags, summary: 'Ask a mentor on my open or declined request', params: IdParams, body: AskBody, response: { 200: RequestSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req) => {
    await askMentor(deps, req.actor, req.params.id, req.body.mentor);
    return showRequest(req.actor!, req.params.id);
  });

  r.post('/api/v1/mentoring/requests/:id/accept', { ...auth, schema: { tags, summary: 'Accept a request naming me (the mentor): starts the mentorship; 409 when I am at capacity', params: IdParams, response: { 201: MentorshipSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    const id = await acceptRequest(deps, req.actor, req.params.id);
    return reply.status(201).send(await showMentorship(req.actor!, id));
  });

  r.get('/api/v1/mentoring/mentorships', { ...auth, schema: { tags, summary: 'My mentorships as mentor or mentee, active first', querystring: ListQuery, response: { 200: MentorshipListSchema, ...errorResponses(400, 401) } } }, async (req) => {
    const limit = req.query.limit ?? 20;
    const rows = await listMentorships(deps.db, req.actor!.id, { after: decodeCursor(req.query.cursor), limit: limit + 1 });
    const { items, nextCursor } = paginate(rows, limit, (m) => ({ v: m.state === 'active' ? 0 : 1, id: m.id }));
    return { items: items.map(mentorshipSummaryDto), nextCursor };
  });

  r.get('/api/v1/mentoring/mentorships/:id', { ...auth, schema: { tags, summary: 'A mentorship with its goals and feedback (its mentor and mentee only; 404 for anyone else, admins too)', params: IdParams, response: { 200: MentorshipSchema, ...errorResponses(400, 401, 404) } } }, async (req) => showMentorship(req.actor!, req.params.id));

  r.post('/api/v1/mentoring/mentorships/:id/goals', { ...auth, schema: { tags, summary: 'Add a goal', params: IdParams, body: GoalBody, response: { 201: MentorshipSchema, ...errorResponses(400, 401, 404, 409) } } }, async (req, reply) => {
    await addGoal(deps, req.actor, req.params.id, req.body.title);
    return reply.status(201).send(await showMentorship(req.actor!, req.params.id));
  });

  r.patch('/api/v1/mentoring/mentorships/:id/goals/:goalId', { ...auth, schema: { tags, summary: 'Tick or untick a goal', params: GoalParams, body: GoalPatchBody, response: { 200: MentorshipSchema, ...errorResponses(400, 401, 404, 409) } } }, async (req) => {
    await setGoalDone(deps, req.actor, req.params.id, req.params.goalId, req.body.done);
    return showMentorship(req.actor!, req.params.id);
  });

  r.get('/api/v1/mentoring/mentorships/:id/checkins', { ...auth, schema: { tags, summary: 'Check-ins, newest first (private to the mentor and the mentee)', params: IdParams, querystring: ListQuery, response: { 200: CheckinListSchema, ...errorResponses(400, 401, 404) } } }, async (req) => {
    await findOwnMentorship(deps, req.actor, req.params.id);
    const limit = req.query.limit ?? 20;
    const rows = await listCheckins(deps.db, req.params.id, { after: decodeCursor(req.query.cursor), limit: limit + 1 });
    return paginate(rows, limit, (c) => ({ v: c.id, id: c.id }));
  });

  r.post('/api/v1/mentoring/mentorships/:id/checkins', { ...auth, schema: { tags, summary: 'Write a check-in (Markdown)', params: IdParams, body: CheckinBody, response: { 201: CheckinSchema, ...errorResponses(400, 401, 404, 409) } } }, async (req, reply) => {
    const id = await addCheckin(deps, req.actor, req.params.id, req.body.body);
    const [c] = await listCheckins(deps.db, req.params.id, { after: { v: id + 1, id: id + 1 }, limit: 1 });
    return reply.status(201).send(c!);
  });

  const emptyBody = async (req: FastifyRequest) => {
    if (req.body === undefined || req.body === null) req.body = {};
  };
  r.post('/api/v1/mentoring/mentorships/:id/end', { ...auth, preValidation: emptyBody, schema: { tags, summary: 'End a mentorship (mentor or mentee) with optional feedback; the other side is told', params: IdParams, body: FeedbackBody, response: { 200: MentorshipSchema, ...errorResponses(400, 401, 404, 409) } } }, async (req) => {
    await endMentorship(deps, req.actor, req.params.id, req.body);
    return showMentorship(req.actor!, req.params.id);
  });

  r.post('/api/v1/mentoring/mentorships/:id/feedback', { ...auth, schema: { tags, summary: 'Give my feedback on an ended mentorship (once)', params: IdParams, body: FeedbackBody, response: { 201: MentorshipSchema, ...errorResponses(400, 401, 404, 409) } } }, async (req, reply) => {
    await giveFeedback(deps, req.actor, req.params.id, req.body);
    return reply.status(201).send(await showMentorship(req.actor!, req.params.id));
  });
}
