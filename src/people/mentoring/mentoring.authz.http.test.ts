import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { routesOf } from '../../discussions/moderation/authz.fixtures.ts';
import { mentoringCounts, offerVia, person, requestVia } from './mentoring.fixtures.ts';
import { mentoringRoutes } from './mentoring.routes.ts';

/*
 * Every mentoring route × who is asking. Mentoring is personal, not per community: the roles are the
 * mentee and the mentor of the thing addressed (a request, or a mentorship), another signed-in member
 * (outsider), an organisation admin, and anonymous. Requests and mentorships are private to their two
 * people: everyone else, the admin included, gets 404 (anonymous 401, or 303 to sign in on page GETs).
 * Writes run against fresh fixtures; refused writes change nothing.
 */

type Role = 'anonymous' | 'outsider' | 'mentee' | 'mentor' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'mentee', 'mentor', 'admin'];
type As = Omit<Browser, 'userId'> & { username?: string };
interface Pair { mentee: As & { username: string }; mentor: As & { username: string } }
interface Ctx { pending: number; open: number; mentorship: number; ended: number; goal: number; spareMentor: string; requestPair: Pair; mentorshipPair: Pair; as: As }
interface Route { name: string; of: 'request' | 'mentorship' | 'none'; write: boolean; call: (t: TestApp, c: Ctx) => Promise<LightMyRequestResponse>; expect: Record<Role, number> }

const all = (s: number, anon = s) => ({ anonymous: anon, outsider: s, mentee: s, mentor: s, admin: s });
const two = (mentee: number, mentor: number, anon = 401) => ({ anonymous: anon, outsider: 404, mentee, mentor, admin: 404 });
const get = (t: TestApp, url: string, as: As) => t.app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
const A = '/api/v1/mentoring';

const routes: Route[] = [
  { name: `GET ${A}/mentors`, of: 'none', write: false, call: (t, c) => api(t, 'GET', `${A}/mentors`, undefined, c.as), expect: all(200) },
  { name: `GET ${A}/offer`, of: 'request', write: false, call: (t, c) => api(t, 'GET', `${A}/offer`, undefined, c.as), expect: { anonymous: 401, outsider: 404, mentee: 404, mentor: 200, admin: 404 } },
  { name: `PUT ${A}/offer`, of: 'none', write: true, call: (t, c) => api(t, 'PUT', `${A}/offer`, { skills: ['SQL'], capacity: 3, timeZone: 'UTC' }, c.as), expect: all(200, 401) },
  { name: `GET ${A}/requests`, of: 'none', write: false, call: (t, c) => api(t, 'GET', `${A}/requests`, undefined, c.as), expect: all(200, 401) },
  { name: `POST ${A}/requests`, of: 'request', write: true, call: (t, c) => api(t, 'POST', `${A}/requests`, { goals: 'Grow.', skills: ['SQL'], mentor: c.requestPair.mentor.username }, c.as), expect: { anonymous: 401, outsider: 201, mentee: 409, mentor: 400, admin: 201 } },
  { name: `GET ${A}/requests/:id`, of: 'request', write: false, call: (t, c) => api(t, 'GET', `${A}/requests/${c.pending}`, undefined, c.as), expect: two(200, 200) },
  { name: `GET ${A}/requests/:id/proposals`, of: 'request', write: false, call: (t, c) => api(t, 'GET', `${A}/requests/${c.pending}/proposals`, undefined, c.as), expect: two(200, 404) },
  { name: `POST ${A}/requests/:id/ask`, of: 'request', write: true, call: (t, c) => api(t, 'POST', `${A}/requests/${c.open}/ask`, { mentor: c.spareMentor }, c.as), expect: two(200, 404) },
  { name: `POST ${A}/requests/:id/accept`, of: 'request', write: true, call: (t, c) => api(t, 'POST', `${A}/requests/${c.pending}/accept`, {}, c.as), expect: two(403, 201) },
  { name: `POST ${A}/requests/:id/decline`, of: 'request', write: true, call: (t, c) => api(t, 'POST', `${A}/requests/${c.pending}/decline`, {}, c.as), expect: two(403, 200) },
  { name: `POST ${A}/requests/:id/withdraw`, of: 'request', write: true, call: (t, c) => api(t, 'POST', `${A}/requests/${c.pending}/withdraw`, {}, c.as), expect: two(200, 403) },
  { name: `GET ${A}/mentorships`, of: 'none', write: false, call: (t, c) => api(t, 'GET', `${A}/mentorships`, undefined, c.as), expect: all(200, 401) },
  { name: `GET ${A}/mentorships/:id`, of: 'mentorship', write: false, call: (t, c) => api(t, 'GET', `${A}/mentorships/${c.mentorship}`, undefined, c.as), expect: two(200, 200) },
  { name: `POST ${A}/mentorships/:id/goals`, of: 'mentorship', write: true, call: (t, c) => api(t, 'POST', `${A}/mentorships/${c.mentorship}/goals`, { title: 'A goal' }, c.as), expect: two(201, 201) },
  { name: `PATCH ${A}/mentorships/:id/goals/:goalId`, of: 'mentorship', write: true, call: (t, c) => api(t, 'PATCH', `${A}/mentorships/${c.mentorship}/goals/${c.goal}`, { done: true }, c.as), expect: two(200, 200) },
  { name: `GET ${A}/mentorships/:id/checkins`, of: 'mentorship', write: false, call: (t, c) => api(t, 'GET', `${A}/mentorships/${c.mentorship}/checkins`, undefined, c.as), expect: two(200, 200) },
  { name: `POST ${A}/mentorships/:id/checkins`, of: 'mentorship', write: true, call: (t, c) => api(t, 'POST', `${A}/mentorships/${c.mentorship}/checkins`, { body: 'Met today.' }, c.as), expect: two(201, 201) },
  { name: `POST ${A}/mentorships/:id/end`, of: 'mentorship', write: true, call: (t, c) => api(t, 'POST', `${A}/mentorships/${c.mentorship}/end`, {}, c.as), expect: two(200, 200) },
  { name: `POST ${A}/mentorships/:id/feedback`, of: 'mentorship', write: true, call: (t, c) => api(t, 'POST', `${A}/mentorships/${c.ended}/feedback`, { rating: 4 }, c.as), expect: two(201, 201) },
  { name: 'GET /mentoring', of: 'none', write: false, call: (t, c) => get(t, '/mentoring', c.as), expect: all(200, 303) },
  { name: 'GET /mentors', of: 'none', write: false, call: (t, c) => get(t, '/mentors', c.as), expect: all(200) },
  { name: 'GET /mentoring/request', of: 'none', write: false, call: (t, c) => get(t, '/mentoring/request', c.as), expect: all(200, 303) },
  { name: 'GET /mentoring/requests', of: 'none', write: false, call: (t, c) => get(t, '/mentoring/requests?as=mentor', c.as), expect: all(200, 303) },
  { name: 'GET /mentoring/requests/:id', of: 'request', write: false, call: (t, c) => get(t, `/mentoring/requests/${c.pending}`, c.as), expect: two(200, 200, 303) },
  { name: 'GET /mentoring/:id', of: 'mentorship', write: false, call: (t, c) => get(t, `/mentoring/${c.mentorship}`, c.as), expect: two(200, 200, 303) },
  { name: 'POST /mentoring/offer', of: 'none', write: true, call: (t, c) => postForm(t, '/mentoring/offer', { skills: 'SQL', capacity: '3', timeZone: 'UTC', active: '1' }, c.as), expect: all(303, 401) },
  { name: 'POST /mentoring/request', of: 'request', write: true, call: (t, c) => postForm(t, '/mentoring/request', { goals: 'Grow.', skills: 'SQL', mentor: c.requestPair.mentor.username }, c.as), expect: { anonymous: 401, outsider: 303, mentee: 409, mentor: 400, admin: 303 } },
  { name: 'POST /mentoring/requests/:id/ask', of: 'request', write: true, call: (t, c) => postForm(t, `/mentoring/requests/${c.open}/ask`, { mentor: c.spareMentor }, c.as), expect: two(303, 404) },
  { name: 'POST /mentoring/requests/:id/accept', of: 'request', write: true, call: (t, c) => postForm(t, `/mentoring/requests/${c.pending}/accept`, {}, c.as), expect: two(403, 303) },
  { name: 'POST /mentoring/requests/:id/decline', of: 'request', write: true, call: (t, c) => postForm(t, `/mentoring/requests/${c.pending}/decline`, {}, c.as), expect: two(403, 303) },
  { name: 'POST /mentoring/requests/:id/withdraw', of: 'request', write: true, call: (t, c) => postForm(t, `/mentoring/requests/${c.pending}/withdraw`, {}, c.as), expect: two(303, 403) },
  { name: 'POST /mentoring/:id/goals', of: 'mentorship', write: true, call: (t, c) => postForm(t, `/mentoring/${c.mentorship}/goals`, { title: 'A goal' }, c.as), expect: two(303, 303) },
  { name: 'POST /mentoring/:id/goals/:goalId', of: 'mentorship', write: true, call: (t, c) => postForm(t, `/mentoring/${c.mentorship}/goals/${c.goal}`, { done: '1' }, c.as), expect: two(303, 303) },
  { name: 'POST /mentoring/:id/checkins', of: 'mentorship', write: true, call: (t, c) => postForm(t, `/mentoring/${c.mentorship}/checkins`, { body: 'Met today.' }, c.as), expect: two(303, 303) },
  { name: 'POST /mentoring/:id/end', of: 'mentorship', write: true, call: (t, c) => postForm(t, `/mentoring/${c.mentorship}/end`, { rating: '', feedback: '' }, c.as), expect: two(303, 303) },
  { name: 'POST /mentoring/:id/feedback', of: 'mentorship', write: true, call: (t, c) => postForm(t, `/mentoring/${c.ended}/feedback`, { rating: '4', feedback: '' }, c.as), expect: two(303, 303) },
];

describeEachDialect('mentoring authorization matrix', (dialect) => {
  let t: TestApp;
  let outsider: As;
  let admin: As;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    [outsider, admin] = [await person(t), await person(t, { role: 'admin' })];
  });
  afterAll(async () => t.close());

  /** Two fresh pairs: one with a pending and an open request, one with an active and an ended mentorship (and a goal). */
  async function fresh(): Promise<Omit<Ctx, 'as'>> {
    const rp = { mentee: await person(t), mentor: await person(t) };
    const mp = { mentee: await person(t), mentor: await person(t) };
    const spare = await person(t);
    for (const m of [rp.mentor, mp.mentor, spare]) await offerVia(t, m, { capacity: 3 });
    const pending = await requestVia(t, rp.mentee, { mentor: rp.mentor.username, goals: 'SecretGoalQz' });
    const open = await requestVia(t, rp.mentee);
    const first = await requestVia(t, mp.mentee, { mentor: mp.mentor.username });
    const ended = (await api(t, 'POST', `${A}/requests/${first}/accept`, {}, mp.mentor)).json().id as number;
    await api(t, 'POST', `${A}/mentorships/${ended}/end`, {}, mp.mentor);
    await t.deps.db.deleteFrom('mentorship_feedback').where('mentorship_id', '=', ended).execute();
    const second = await requestVia(t, mp.mentee, { mentor: mp.mentor.username });
    const mentorship = (await api(t, 'POST', `${A}/requests/${second}/accept`, {}, mp.mentor)).json().id as number;
    const goal = (await api(t, 'POST', `${A}/mentorships/${mentorship}/goals`, { title: 'SecretGoalQz' }, mp.mentee)).json().goals[0].id as number;
    return { pending, open, mentorship, ended, goal, spareMentor: spare.username, requestPair: rp, mentorshipPair: mp };
  }

  it('answers every route as the matrix says, and refused writes change nothing', { timeout: 300_000 }, async () => {
    const shared = await fresh();
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of roles) {
        const c = route.write ? await fresh() : shared;
        const pair = route.of === 'mentorship' ? c.mentorshipPair : c.requestPair;
        const as = role === 'anonymous' ? anonymousBrowser() : role === 'outsider' ? outsider : role === 'admin' ? admin : pair[role];
        const want = route.expect[role];
        const before = await mentoringCounts(t.deps.db);
        const res = await route.call(t, { ...c, as });
        if (res.statusCode !== want) mismatches.push(`${route.name} as ${role}: ${res.statusCode}, expected ${want}`);
        if (route.write && want >= 400 && JSON.stringify(await mentoringCounts(t.deps.db)) !== JSON.stringify(before)) mismatches.push(`${route.name} as ${role} wrote something`);
        if (want >= 400 && res.body.includes('SecretGoalQz')) mismatches.push(`${route.name} as ${role} leaked`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('covers every route mentoringRoutes registers', async () => {
    expect(await routesOf(mentoringRoutes, t.deps)).toEqual(routes.map((r) => r.name).sort());
  });
});
