import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';
import { idOf, str } from '../../discussions/discussions.http.ts';
import { normaliseSkill } from '../profiles/skills.store.ts';
import { proposeMentors } from './mentoring.candidates.ts';
import { MentoringPage, MentorsPage, RequestFormPage, RequestListPage, SHOWN, type OfferFormValues, type RequestFormValues } from './mentoring.views.tsx';
import { isFieldProblem, signInFirst } from './mentoring.http.ts';
import { mentorshipPages } from './mentorship.pages.tsx';
import { listMentorships } from './mentorships.store.ts';
import { saveMyOffer } from './offers.service.ts';
import { findOffer, listAvailableOffers, type Offer } from './offers.store.ts';
import { acceptRequest, askMentor, communityShownTo, createRequest, declineRequest, findVisibleRequest, withdrawRequest } from './requests.service.ts';
import { RequestPage } from './mentorship.views.tsx';
import { listRequests } from './requests.store.ts';

const CursorQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const MentorsQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), skill: Type.Optional(Type.String({ maxLength: 100 })) });
const RequestQuery = Type.Object({ mentor: Type.Optional(Type.String({ maxLength: 100 })) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
const RequestListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), as: Type.Optional(Type.Union([Type.Literal('mentee'), Type.Literal('mentor')])) });

const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;

function offerValues(o: Offer | undefined, timeZone: string): OfferFormValues {
  return o ? { skills: o.skills.map((s) => s.skill).join(', '), capacity: String(o.capacity), timeZone: o.timeZone, note: o.note, active: o.active } : { skills: '', capacity: '2', timeZone: timeZone || 'UTC', note: '', active: true };
}

/** The mentoring pages: overview with the offer form, mentors, asking, and a request's page. Forms work without JavaScript. */
export async function mentoringPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function overview(reply: FastifyReply, actor: Actor, cursor: string | undefined, form?: { values: OfferFormValues; issues: FieldIssue[]; status: number }) {
    const offer = await findOffer(deps.db, actor.id);
    const me = await deps.db.selectFrom('users').select('time_zone').where('id', '=', actor.id).executeTakeFirstOrThrow();
    const rows = await listMentorships(deps.db, actor.id, { after: decodeCursor(cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (m) => ({ v: m.state === 'active' ? 0 : 1, id: m.id }));
    const toMe = await listRequests(deps.db, actor.id, { as: 'mentor', states: ['pending'], limit: SHOWN + 1 });
    const mine = await listRequests(deps.db, actor.id, { as: 'mentee', limit: SHOWN + 1 });
    const page = <MentoringPage ctx={reply.viewContext()} me={actor.id} offer={offer} offerForm={form?.values ?? offerValues(offer, me.time_zone)} issues={form?.issues ?? []} toMe={toMe} mine={mine} mentorships={items} nextHref={nextCursor ? `/mentoring?cursor=${nextCursor}` : null} />;
    return reply.page('Mentoring', page, { status: form?.status ?? 200 });
  }

  r.get('/mentoring', { schema: { querystring: CursorQuery } }, async (req, reply) => {
    const actor = signInFirst(req, reply);
    return actor ? overview(reply, actor, req.query.cursor) : reply;
  });

  r.post('/mentoring/offer', async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to offer mentoring.');
    const f = fields(req.body);
    const values = { skills: str(f.skills), capacity: str(f.capacity), timeZone: str(f.timeZone), note: str(f.note), active: str(f.active) === '1' };
    try {
      await saveMyOffer(deps, req.actor, { ...values, capacity: /^\d{1,3}$/.test(values.capacity.trim()) ? Number(values.capacity.trim()) : NaN });
    } catch (err) {
      if (isFieldProblem(err)) return overview(reply, req.actor, undefined, { values, issues: err.details, status: err.status });
      throw err;
    }
    reply.flash(values.active ? 'Your offer is saved: you are listed on the mentors page.' : 'Your offer is saved and paused.');
    return reply.redirect('/mentoring', 303);
  });

  r.get('/mentors', { schema: { querystring: MentorsQuery } }, async (req, reply) => {
    const skill = (req.query.skill ?? '').trim();
    const rows = await listAvailableOffers(deps.db, { skillKey: skill ? normaliseSkill(skill) || '-' : undefined, after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (o) => ({ v: o.id, id: o.id }));
    const nextHref = nextCursor ? `/mentors?${new URLSearchParams({ ...(skill ? { skill } : {}), cursor: nextCursor }).toString()}` : null;
    return reply.page('Mentors', <MentorsPage offers={items} skill={skill} nextHref={nextHref} signedIn={req.actor !== null} />);
  });

  async function requestForm(reply: FastifyReply, actor: Actor, values: RequestFormValues, issues: FieldIssue[], status: number) {
    const communities = await deps.db
      .selectFrom('communities')
      .innerJoin('memberships', 'memberships.community_id', 'communities.id')
      .select(['communities.slug', 'communities.name'])
      .where('memberships.user_id', '=', actor.id)
      .where('communities.id', 'in', readableCommunityIds(deps.db, actor))
      .orderBy('communities.name')
      .execute();
    return reply.page('Ask for mentoring', <RequestFormPage ctx={reply.viewContext()} values={values} issues={issues} communities={communities} />, { status });
  }

  r.get('/mentoring/request', { schema: { querystring: RequestQuery } }, async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const mentor = req.query.mentor ?? '';
    const offer = mentor ? await deps.db.selectFrom('mentor_offers as o').innerJoin('users as u', 'u.id', 'o.user_id').select('o.id').where('u.username', '=', mentor).executeTakeFirst() : undefined;
    const skills = offer ? (await deps.db.selectFrom('mentor_offer_skills').select('skill').where('offer_id', '=', offer.id).execute()).map((s) => s.skill).join(', ') : '';
    return requestForm(reply, actor, { goals: '', skills, community: '', mentor }, [], 200);
  });

  r.post('/mentoring/request', async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to ask for mentoring.');
    const f = fields(req.body);
    const values = { goals: str(f.goals), skills: str(f.skills), community: str(f.community), mentor: str(f.mentor) };
    let id: number;
    try {
      id = await createRequest(deps, req.actor, { goals: values.goals, skills: values.skills, community: values.community || undefined, mentor: values.mentor || undefined });
    } catch (err) {
      if (isFieldProblem(err)) return requestForm(reply, req.actor, values, err.details, err.status);
      throw err;
    }
    reply.flash(values.mentor ? 'Your request is sent. You will be notified of the answer.' : 'Your request is saved. Pick a mentor below.');
    return reply.redirect(`/mentoring/requests/${id}`, 303);
  });

  r.get('/mentoring/requests', { schema: { querystring: RequestListQuery } }, async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const as = req.query.as ?? 'mentee';
    const rows = await listRequests(deps.db, actor.id, { as, after: decodeCursor(req.query.cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (q) => ({ v: q.id, id: q.id }));
    const nextHref = nextCursor ? `/mentoring/requests?as=${as}&cursor=${nextCursor}` : null;
    return reply.page(as === 'mentor' ? 'Requests to you' : 'Your requests', <RequestListPage me={actor.id} as={as} items={items} nextHref={nextHref} />);
  });

  r.get('/mentoring/requests/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const actor = signInFirst(req, reply);
    if (!actor) return reply;
    const q = await findVisibleRequest(deps, actor, idOf(req.params.id, 'Mentoring request'));
    const proposals = q.mentee.id === actor.id && (q.state === 'open' || q.state === 'declined') ? (await proposeMentors(deps, actor, q.skills)).slice(0, 10) : null;
    return reply.page('Mentoring request', <RequestPage ctx={reply.viewContext()} me={actor.id} r={q} community={await communityShownTo(deps, actor, q.communityId)} proposals={proposals} />);
  });

  const actions: Record<string, [(actor: Actor, id: number, body: Record<string, unknown>) => Promise<unknown>, string]> = {
    ask: [(a, id, b) => askMentor(deps, a, id, str(b.mentor)), 'Your request is sent.'],
    accept: [(a, id) => acceptRequest(deps, a, id), 'You accepted: the mentorship has started.'],
    decline: [(a, id) => declineRequest(deps, a, id), 'You declined the request.'],
    withdraw: [(a, id) => withdrawRequest(deps, a, id), 'Your request is withdrawn.'],
  };
  for (const [path, [run, message]] of Object.entries(actions)) {
    r.post(`/mentoring/requests/:id/${path}`, { schema: { params: IdParams } }, async (req, reply) => {
      if (!req.actor) throw unauthenticated('Sign in to answer mentoring requests.');
      const id = idOf(req.params.id, 'Mentoring request');
      const result = await run(req.actor, id, fields(req.body));
      reply.flash(message);
      return reply.redirect(path === 'accept' ? `/mentoring/${String(result)}` : `/mentoring/requests/${id}`, 303);
    });
  }

  await mentorshipPages(app, deps);
}
