import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import type { Proposal } from './mentoring.matching.ts';
import type { Feedback, Goal, Mentorship } from './mentorships.store.ts';
import { MENTORING_LIMITS as L } from './offers.service.ts';
import type { Offer } from './offers.store.ts';
import type { MentoringRequest } from './requests.store.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every mentoring API route. */
export const tags = ['mentoring'];

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const GoalParams = Type.Object({ id: Type.Integer({ minimum: 1 }), goalId: Type.Integer({ minimum: 1 }) });
export const ListQuery = PageQuery;
export const MentorListQuery = Type.Object({ ...PageQuery.properties, skill: Type.Optional(Type.String({ maxLength: L.skillMax, description: 'Only mentors offering this skill.' })) });
export const RequestListQuery = Type.Object({ ...PageQuery.properties, as: Type.Optional(StringEnum(['mentee', 'mentor'] as const, { description: 'Requests I made (mentee, the default) or requests naming me as mentor.' })) });

const Person = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() });
const Skill = Type.Object({ skill: Type.String(), skillKey: Type.String() });
const Skills = Type.Array(Type.String({ maxLength: L.skillMax }), { minItems: 1, maxItems: L.skillsMax });

export const OfferSchema = Type.Object({
  mentor: Person,
  skills: Type.Array(Skill),
  capacity: Type.Integer({ description: 'How many mentees at a time (1–10).' }),
  free: Type.Integer({ description: 'Places free now: capacity − active mentorships.' }),
  timeZone: Type.String(),
  note: Type.String(),
  active: Type.Boolean({ description: 'False while paused: not listed and not asked.' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const OfferListSchema = Type.Object({ items: Type.Array(OfferSchema), ...pageInfo });
export const OfferBody = Type.Object(
  {
    skills: Skills,
    capacity: Type.Integer({ minimum: L.capacityMin, maximum: L.capacityMax }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin.' }),
    note: Type.Optional(Type.String({ maxLength: L.noteMax })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const RequestState = StringEnum(['open', 'pending', 'accepted', 'declined', 'withdrawn'] as const, { description: 'open (no mentor asked yet), pending (waiting for the mentor), accepted, declined, withdrawn.' });
export const RequestSchema = Type.Object({
  id: Type.Integer(),
  mentee: Person,
  mentor: Type.Union([Person, Type.Null()]),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()], { description: 'Shown only when the caller may read it.' }),
  goals: Type.String({ description: 'Markdown.' }),
  goalsHtml: Type.String(),
  skills: Type.Array(Skill),
  state: RequestState,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const RequestListSchema = Type.Object({ items: Type.Array(RequestSchema), ...pageInfo });
export const RequestBody = Type.Object(
  {
    goals: Type.String({ minLength: 1, maxLength: L.goalsMax, description: 'What you want to get better at (Markdown).' }),
    skills: Skills,
    community: Type.Optional(Type.String({ maxLength: 100, description: 'Slug of a community this is about.' })),
    mentor: Type.Optional(Type.String({ maxLength: 100, description: 'Username of the mentor to ask; leave out to pick from the proposals.' })),
  },
  { additionalProperties: false },
);
export const AskBody = Type.Object({ mentor: Type.String({ minLength: 1, maxLength: 100, description: 'Username of a proposed (or any available) mentor.' }) }, { additionalProperties: false });

export const ProposalSchema = Type.Object({
  mentor: Person,
  score: Type.Number(),
  free: Type.Integer(),
  capacity: Type.Integer(),
  overlapHours: Type.Union([Type.Number(), Type.Null()], { description: 'Hours of the 09–17 working day shared today; null when your time zone is not set.' }),
  factors: Type.Object({ coverage: Type.Number(), expertise: Type.Number(), timeZone: Type.Number(), capacity: Type.Number() }),
  reasons: Type.Array(Type.String()),
});
export const ProposalListSchema = Type.Object({ items: Type.Array(ProposalSchema) });

const GoalSchema = Type.Object({ id: Type.Integer(), title: Type.String(), done: Type.Boolean(), doneAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });
const FeedbackSchema = Type.Object({ author: Person, rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]), body: Type.String(), bodyHtml: Type.String(), at: Type.String({ format: 'date-time' }) });
export const MentorshipSchema = Type.Object({
  id: Type.Integer(),
  mentor: Person,
  mentee: Person,
  state: StringEnum(['active', 'ended'] as const),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  goals: Type.Array(GoalSchema),
  feedback: Type.Array(FeedbackSchema, { description: 'Given at the end, one per side.' }),
});
export const MentorshipListSchema = Type.Object({ items: Type.Array(Type.Omit(MentorshipSchema, ['goals', 'feedback'])), ...pageInfo });
export const GoalBody = Type.Object({ title: Type.String({ minLength: 1, maxLength: L.goalTitleMax }) }, { additionalProperties: false });
export const GoalPatchBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });
export const CheckinSchema = Type.Object({ id: Type.Integer(), author: Person, body: Type.String(), bodyHtml: Type.String(), at: Type.String({ format: 'date-time' }) });
export const CheckinListSchema = Type.Object({ items: Type.Array(CheckinSchema), ...pageInfo });
export const CheckinBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: L.checkinMax, description: 'Markdown.' }) }, { additionalProperties: false });
export const FeedbackBody = Type.Object(
  { rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })), feedback: Type.Optional(Type.String({ maxLength: L.feedbackMax, description: 'Markdown.' })) },
  { additionalProperties: false },
);

export function offerDto(o: Offer) {
  return { mentor: { id: o.userId, username: o.username, displayName: o.displayName }, skills: o.skills, capacity: o.capacity, free: Math.max(0, o.capacity - o.taken), timeZone: o.timeZone, note: o.note, active: o.active, updatedAt: o.updatedAt };
}

export function requestDto(r: MentoringRequest, community: { slug: string; name: string } | null) {
  return { id: r.id, mentee: r.mentee, mentor: r.mentor, community, goals: r.goals, goalsHtml: r.goalsHtml, skills: r.skills, state: r.state, createdAt: r.createdAt, decidedAt: r.decidedAt };
}

export function proposalDto(p: Proposal) {
  return { mentor: { id: p.userId, username: p.username, displayName: p.displayName }, score: p.score, free: p.free, capacity: p.capacity, overlapHours: p.overlapHours, factors: p.factors, reasons: p.reasons };
}

export function mentorshipDto(m: Mentorship, goals: Goal[] = [], feedback: Feedback[] = []) {
  return { id: m.id, mentor: m.mentor, mentee: m.mentee, state: m.state, startedAt: m.startedAt, endedAt: m.endedAt, goals: goals.map((g) => ({ id: g.id, title: g.title, done: g.done, doneAt: g.doneAt })), feedback };
}

/** A mentorship in a list: without goals and feedback. */
export function mentorshipSummaryDto(m: Mentorship) {
  return { id: m.id, mentor: m.mentor, mentee: m.mentee, state: m.state, startedAt: m.startedAt, endedAt: m.endedAt };
}
