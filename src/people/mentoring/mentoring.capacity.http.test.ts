import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { offerVia, person, requestVia } from './mentoring.fixtures.ts';

describeEachDialect('mentoring capacity', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const active = async (mentorId: number) => Number((await t.deps.db.selectFrom('mentorships').select((eb) => eb.fn.countAll<number>().as('n')).where('mentor_id', '=', mentorId).where('state', '=', 'active').executeTakeFirstOrThrow()).n);

  describe('POST /api/v1/mentoring/requests/:id/accept', () => {
    it('lets only one of two concurrent accepts take the last place: the other gets 409 and writes nothing', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 1 });
      const [a, b] = [await person(t), await person(t)];
      const ids = [await requestVia(t, a, { mentor: mentor.username }), await requestVia(t, b, { mentor: mentor.username })];
      const results = await Promise.all(ids.map((id) => api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await active(mentor.userId)).toBe(1);
      const offer = await t.deps.db.selectFrom('mentor_offers').select(['taken', 'capacity']).where('user_id', '=', mentor.userId).executeTakeFirstOrThrow();
      expect(offer).toEqual({ taken: 1, capacity: 1 });
      // The losing request is still pending: nothing of the failed accept was kept.
      const states = await t.deps.db.selectFrom('mentoring_requests').select('state').where('id', 'in', ids).orderBy('state').execute();
      expect(states.map((s) => s.state)).toEqual(['accepted', 'pending']);
    });

    it('keeps a mentor within capacity under many concurrent accepts', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 2 });
      const mentees = await Promise.all([1, 2, 3, 4, 5].map(() => person(t)));
      const ids: number[] = [];
      for (const m of mentees) ids.push(await requestVia(t, m, { mentor: mentor.username }));
      const results = await Promise.all(ids.map((id) => api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor)));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(3);
      expect(await active(mentor.userId)).toBe(2);
    });

    it('frees the place when a mentorship ends, so the next accept succeeds', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 1 });
      const [a, b] = [await person(t), await person(t)];
      const [ra, rb] = [await requestVia(t, a, { mentor: mentor.username }), await requestVia(t, b, { mentor: mentor.username })];
      const ms = (await api(t, 'POST', `/api/v1/mentoring/requests/${ra}/accept`, {}, mentor)).json().id as number;
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${rb}/accept`, {}, mentor)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/mentoring/mentorships/${ms}/end`, {}, a)).statusCode).toBe(200);
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${rb}/accept`, {}, mentor)).statusCode).toBe(201);
    });

    it('refuses lowering capacity below the active mentorships with 409 naming capacity', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 2 });
      const [a, b] = [await person(t), await person(t)];
      for (const m of [a, b]) {
        const id = await requestVia(t, m, { mentor: mentor.username });
        await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor);
      }
      const res = await api(t, 'PUT', '/api/v1/mentoring/offer', { skills: ['SQL'], capacity: 1, timeZone: 'Europe/Berlin' }, mentor);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details[0].field).toBe('capacity');
      expect((await t.deps.db.selectFrom('mentor_offers').select('capacity').where('user_id', '=', mentor.userId).executeTakeFirstOrThrow()).capacity).toBe(2);
    });
  });
});
