import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { idOf, str } from '../../discussions/discussions.http.ts';
import { isFieldProblem, signInFirst } from './mentoring.http.ts';
import { MentorshipPage } from './mentorship.views.tsx';
import { addCheckin, addGoal, endMentorship, findOwnMentorship, giveFeedback, setGoalDone } from './mentorships.service.ts';
import { feedbackOf, goalsOf, listCheckins } from './mentorships.store.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
const GoalParams = Type.Object({ id: Type.String({ maxLength: 20 }), goalId: Type.String({ maxLength: 20 }) });
const CursorQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;
const ratingOf = (raw: string) => (raw === '' ? null : /^\d$/.test(raw) ? Number(raw) : NaN);

/** The mentorship page (/mentoring/:id) and its forms: goals, check-ins, end, feedback. Mentor and mentee only (404 for anyone else). */
export async function mentorshipPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function show(reply: FastifyReply, actor: Actor, id: number, cursor: string | undefined, issues: FieldIssue[] = [], status = 200) {
    const m = await findOwnMentorship(deps, actor, id);
    const rows = await listCheckins(deps.db, id, { after: decodeCursor(cursor), limit: 21 });
    const { items, nextCursor } = paginate(rows, 20, (c) => ({ v: c.id, id: c.id }));
    const page = <MentorshipPage ctx={reply.viewContext()} me={actor.id} m={m} goals={await goalsOf(deps.db, id)} checkins={items} feedback={await feedbackOf(deps.db, id)} nextHref={nextCursor ? `/mentoring/${id}?cursor=${nextCursor}` : null} issues={issues} />;
    return reply.page(`${m.mentor.displayName} mentoring ${m.mentee.displayName}`, page, { status });
  }

  r.get('/mentoring/:id', { schema: { params: IdParams, querystring: CursorQuery } }, async (req, reply) => {
    const actor = signInFirst(req, reply);
    return actor ? show(reply, actor, idOf(req.params.id, 'Mentorship'), req.query.cursor) : reply;
  });

  /** Runs a form action; a field problem shows the page again with it, otherwise back to the page. */
  const action = (path: string, run: (actor: Actor, id: number, f: Record<string, unknown>, params: Record<string, string>) => Promise<unknown>, message: string) =>
    r.post(`/mentoring/:id/${path}`, { schema: { params: path.includes(':goalId') ? GoalParams : IdParams } }, async (req, reply) => {
      if (!req.actor) throw unauthenticated('Sign in to see your mentorships.');
      const id = idOf(req.params.id, 'Mentorship');
      try {
        await run(req.actor, id, fields(req.body), req.params as Record<string, string>);
      } catch (err) {
        if (isFieldProblem(err)) return show(reply, req.actor, id, undefined, err.details, err.status);
        throw err;
      }
      reply.flash(message);
      return reply.redirect(`/mentoring/${id}`, 303);
    });

  action('goals', (a, id, f) => addGoal(deps, a, id, str(f.title)), 'Goal added.');
  action('goals/:goalId', (a, id, f, p) => setGoalDone(deps, a, id, idOf(p.goalId ?? '', 'Goal'), str(f.done) === '1'), 'Goal updated.');
  action('checkins', (a, id, f) => addCheckin(deps, a, id, str(f.body)), 'Check-in saved.');
  action('end', (a, id, f) => endMentorship(deps, a, id, { rating: ratingOf(str(f.rating)), feedback: str(f.feedback) }), 'The mentorship has ended.');
  action('feedback', (a, id, f) => giveFeedback(deps, a, id, { rating: ratingOf(str(f.rating)), feedback: str(f.feedback) }), 'Thank you for your feedback.');
}
