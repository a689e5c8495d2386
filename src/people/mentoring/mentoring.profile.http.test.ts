import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { mentorshipVia, offerVia, person } from './mentoring.fixtures.ts';

describeEachDialect('mentoring on the profile page', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const profile = (username: string, b?: { cookie: string }) => t.app.inject({ url: `/u/${username}`, headers: b ? { cookie: b.cookie } : {} });

  describe('GET /u/:username', () => {
    it('shows the offer with free places and an ask link, never the mentorship’s goals or check-ins', async () => {
      const [mentor, mentee, visitor] = [await person(t, { name: 'Vera Veteran' }), await person(t), await person(t)];
      await offerVia(t, mentor, { skills: ['Hydrology'], capacity: 2 });
      const id = await mentorshipVia(t, mentee, mentor);
      await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/goals`, { title: 'PrivateGoalZz' }, mentee);
      await api(t, 'POST', `/api/v1/mentoring/mentorships/${id}/checkins`, { body: 'PrivateCheckinZz' }, mentee);
      const res = await profile(mentor.username, visitor);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Mentors in Hydrology');
      expect(res.body).toContain('1 of 2 places free');
      expect(res.body).toContain(`/mentoring/request?mentor=${mentor.username}`);
      for (const b of [visitor, mentee, undefined]) {
        const body = (await profile(mentor.username, b)).body + (await profile(mentee.username, b)).body;
        expect(body).not.toContain('PrivateGoalZz');
        expect(body).not.toContain('PrivateCheckinZz');
      }
    });

    it('shows nothing of mentoring for someone without an offer, and invites the owner to offer', async () => {
      const [someone, visitor] = [await person(t), await person(t)];
      expect((await profile(someone.username, visitor)).body).not.toContain('id="profile-mentoring"');
      expect((await profile(someone.username, someone)).body).toContain('Offer to mentor');
    });
  });
});
