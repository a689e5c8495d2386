import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { mentoringCounts, mentorshipVia, offerVia, person } from './mentoring.fixtures.ts';

describeEachDialect('mentorships API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  async function pair() {
    const [mentor, mentee] = [await person(t, { name: 'Meg Mentor' }), await person(t, { name: 'Tim Trainee' })];
    await offerVia(t, mentor);
    return { mentor, mentee, id: await mentorshipVia(t, mentee, mentor) };
  }

  describe('GET /api/v1/mentoring/mentorships', () => {
    it('lists active ones first, then ended ones, newest first, across pages without repeats', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 3 });
      const ids: number[] = [];
      for (let i = 0; i < 3; i += 1) ids.push(await mentorshipVia(t, await person(t), mentor));
      await api(t, 'POST', `/api/v1/mentoring/mentorships/${ids[2]}/end`, {}, mentor);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = (await api(t, 'GET', `/api/v1/mentoring/mentorships?limit=1${cursor ? `&cursor=${cursor}` : ''}`, undefined, mentor)).json() as { items: Array<{ id: number }>; nextCursor: string | null };
        seen.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids[1], ids[0], ids[2]]);
    });
  });

  describe('goals', () => {
    it('adds goals and ticks them, from either side', async () => {
      const { mentor, mentee, id } = await pair();
      const added = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/goals`, { title: 'Read an EXPLAIN plan' }, mentee);
      expect(added.statusCode).toBe(201);
      const goal = added.json().goals[0];
      expect(goal).toMatchObject({ title: 'Read an EXPLAIN plan', done: false });
      const ticked = await api(t, 'PATCH', `/api/v1/mentoring/mentorships/${id}/goals/${goal.id}`, { done: true }, mentor);
      expect(ticked.json().goals[0]).toMatchObject({ done: true, doneAt: expect.any(String) });
    });

    it('rejects a blank goal with 400 naming title, and a goal of another mentorship with 404', async () => {
      const { mentee, id } = await pair();
      const other = await pair();
      const before = await mentoringCounts(t.deps.db);
      const res = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/goals`, { title: '   ' }, mentee);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('title');
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
      const foreign = (await api(t, 'POST', `/api/v1/mentoring/mentorships/${other.id}/goals`, { title: 'Theirs' }, other.mentee)).json().goals[0].id as number;
      expect((await api(t, 'PATCH', `/api/v1/mentoring/mentorships/${id}/goals/${foreign}`, { done: true }, mentee)).statusCode).toBe(404);
    });
  });

  describe('check-ins', () => {
    it('are read and written by the mentor and the mentee only: 404 for another member, an admin and 401 anonymously', async () => {
      const { mentor, mentee, id } = await pair();
      const res = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/checkins`, { body: 'We went through **indexes** Zq7.' }, mentee);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ author: { username: mentee.username }, bodyHtml: expect.stringContaining('<strong>indexes</strong>') });
      expect((await api(t, 'GET', `/api/v1/mentoring/mentorships/${id}/checkins`, undefined, mentor)).json().items).toHaveLength(1);
      const [member, admin] = [await person(t), await person(t, { role: 'admin' })];
      for (const b of [member, admin]) {
        for (const url of [`/api/v1/mentoring/mentorships/${id}`, `/api/v1/mentoring/mentorships/${id}/checkins`]) {
          const r = await api(t, 'GET', url, undefined, b);
          expect(r.statusCode, url).toBe(404);
          expect(r.body).not.toContain('Zq7');
        }
        expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/checkins`, { body: 'Sneaky' }, b)).statusCode).toBe(404);
        const page = await t.app.inject({ url: `/mentoring/${id}`, headers: { cookie: b.cookie } });
        expect(page.statusCode).toBe(404);
        expect(page.body).not.toContain('Zq7');
      }
      expect((await api(t, 'GET', `/api/v1/mentoring/mentorships/${id}/checkins`)).statusCode).toBe(401);
      // Nothing private reaches the activity stream.
      const data = await t.deps.db.selectFrom('activity').select('data').where('subject_type', '=', 'mentorship').where('subject_id', '=', id).execute();
      expect(JSON.stringify(data)).not.toContain('Zq7');
    });

    it('pages newest first with a cursor', async () => {
      const { mentee, id } = await pair();
      for (const n of [1, 2, 3]) await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/checkins`, { body: `Check-in ${n}` }, mentee);
      const first = (await api(t, 'GET', `/api/v1/mentoring/mentorships/${id}/checkins?limit=2`, undefined, mentee)).json();
      const second = (await api(t, 'GET', `/api/v1/mentoring/mentorships/${id}/checkins?limit=2&cursor=${first.nextCursor}`, undefined, mentee)).json();
      expect([...first.items, ...second.items].map((c: { body: string }) => c.body)).toEqual(['Check-in 3', 'Check-in 2', 'Check-in 1']);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('ending', () => {
    it('ends with the ender’s feedback, tells the other side, takes their feedback once, and refuses more writes', async () => {
      const { mentor, mentee, id } = await pair();
      const end = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/end`, { rating: 5, feedback: 'Patient and clear.' }, mentee);
      expect(end.statusCode).toBe(200);
      expect(end.json()).toMatchObject({ state: 'ended', endedAt: expect.any(String), feedback: [{ author: { username: mentee.username }, rating: 5, body: 'Patient and clear.' }] });
      const note = (await api(t, 'GET', '/api/v1/notifications', undefined, mentor)).json().items[0];
      expect(note).toMatchObject({ kind: 'mentoring_ended', url: `/mentoring/${id}` });
      expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/end`, {}, mentor)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/feedback`, { feedback: 'Keen learner.' }, mentor)).statusCode).toBe(201);
      expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/feedback`, { feedback: 'Again.' }, mentor)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/goals`, { title: 'Late' }, mentee)).statusCode).toBe(409);
      const verbs = await t.deps.db.selectFrom('activity').select('verb').where('subject_type', '=', 'mentorship').where('subject_id', '=', id).orderBy('id').execute();
      expect(verbs.map((v) => v.verb)).toEqual(['mentorship.started', 'mentorship.ended', 'mentorship.feedback_given']);
    });

    it('rejects a rating outside 1–5 with 400 naming rating, and empty feedback with 400 naming feedback, writing nothing', async () => {
      const { mentee, id } = await pair();
      const before = await mentoringCounts(t.deps.db);
      const bad = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/end`, { rating: 6 }, mentee);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('rating');
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
      await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/end`, {}, mentee);
      const empty = await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/feedback`, { feedback: '  ' }, mentee);
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details[0].field).toBe('feedback');
    });
  });
});
