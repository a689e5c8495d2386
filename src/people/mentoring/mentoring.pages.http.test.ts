import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { mentoringCounts, mentorshipVia, offerVia, person, requestVia } from './mentoring.fixtures.ts';

describeEachDialect('mentoring pages', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const get = (url: string, b?: { cookie: string }) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });

  describe('/mentoring', () => {
    it('sends anonymous visitors to sign in', async () => {
      const res = await get('/mentoring');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('/signin');
    });

    it('becomes a mentor through the form, and shows the form again with the field named on bad input', async () => {
      const m = await person(t, { name: 'Pia Pages' });
      expect((await get('/mentoring', m)).body).toContain('Become a mentor');
      const ok = await postForm(t, '/mentoring/offer', { skills: 'Hydrology, GIS', capacity: '2', timeZone: 'Europe/Berlin', note: '', active: '1' }, m);
      expect(ok.statusCode).toBe(303);
      const mentors = (await get('/mentors?skill=gis')).body;
      expect(mentors).toContain('Pia Pages');
      expect(mentors).toContain('2 of 2 places free');
      const before = await mentoringCounts(t.deps.db);
      const bad = await postForm(t, '/mentoring/offer', { skills: 'GIS', capacity: '12', timeZone: 'Europe/Berlin', active: '1' }, m);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('must be a whole number from 1 to 10');
      expect(bad.body).toContain('href="#f-capacity"');
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
    });
  });

  describe('/mentoring/request', () => {
    it('asks a mentor from the form; the mentor accepts from the request page and lands on the mentorship', async () => {
      const [mentor, mentee] = [await person(t, { name: 'Rae Mentor' }), await person(t, { name: 'Sol Student' })];
      await offerVia(t, mentor, { skills: ['Surveying'] });
      const form = await get(`/mentoring/request?mentor=${mentor.username}`, mentee);
      expect(form.body).toContain('value="Surveying"');
      const sent = await postForm(t, '/mentoring/request', { goals: 'Learn to level a site.', skills: 'Surveying', community: '', mentor: mentor.username }, mentee);
      expect(sent.statusCode).toBe(303);
      const requestUrl = sent.headers.location as string;
      expect((await get('/mentoring', mentor)).body).toContain('from Sol Student');
      expect((await get('/mentoring/requests?as=mentor', mentor)).body).toContain('from Sol Student');
      expect((await get('/mentoring/requests', mentee)).body).toContain('to Rae Mentor');
      const page = await get(requestUrl, mentor);
      expect(page.body).toContain('Learn to level a site.');
      const accepted = await postForm(t, `${requestUrl}/accept`, {}, mentor);
      expect(accepted.statusCode).toBe(303);
      expect(accepted.headers.location).toMatch(/^\/mentoring\/\d+$/);
      const ms = await get(accepted.headers.location as string, mentee);
      expect(ms.statusCode).toBe(200);
      expect(ms.body).toContain('Rae Mentor mentoring Sol Student');
    });

    it('shows the form again with 409 naming the mentor when they are at capacity, writing nothing', async () => {
      const [mentor, a, b] = [await person(t, { name: 'Cap Full' }), await person(t), await person(t)];
      await offerVia(t, mentor, { capacity: 1 });
      await mentorshipVia(t, a, mentor);
      const before = await mentoringCounts(t.deps.db);
      const res = await postForm(t, '/mentoring/request', { goals: 'Grow.', skills: 'SQL', community: '', mentor: mentor.username }, b);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Cap Full is at capacity');
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
    });

    it('lists proposals with their reasons on an open request, and asks one with a button', async () => {
      const skill = `cartography-${dialect}`;
      const [mentor, mentee] = [await person(t, { name: 'Carto Grapher' }), await person(t)];
      await offerVia(t, mentor, { skills: [skill], capacity: 3 });
      const id = await requestVia(t, mentee, { skills: [skill] });
      const page = (await get(`/mentoring/requests/${id}`, mentee)).body;
      expect(page).toContain('Proposed mentors');
      expect(page).toContain('8 h working-hours overlap');
      expect(page).toContain('3 of 3 places free');
      const asked = await postForm(t, `/mentoring/requests/${id}/ask`, { mentor: mentor.username }, mentee);
      expect(asked.statusCode).toBe(303);
      expect((await get(`/mentoring/requests/${id}`, mentor)).body).toContain('Accept');
    });
  });

  describe('/mentoring/requests', () => {
    it('links from the overview to all requests, paged newest first without repeats', async () => {
      const mentee = await person(t);
      const ids: number[] = [];
      for (let i = 0; i < 23; i += 1) ids.push(await requestVia(t, mentee, { skills: [`Skill ${i}`] }));
      expect((await get('/mentoring', mentee)).body).toContain('href="/mentoring/requests?as=mentee"');
      const first = (await get('/mentoring/requests', mentee)).body;
      const next = /href="(\/mentoring\/requests\?as=mentee&amp;cursor=[^"]+)"/.exec(first)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toBeDefined();
      const second = (await get(next!, mentee)).body;
      const shown = (html: string) => [...html.matchAll(/href="\/mentoring\/requests\/(\d+)"/g)].map((m) => Number(m[1]));
      expect([...shown(first), ...shown(second)]).toEqual([...ids].reverse());
    });
  });

  describe('/mentoring/:id', () => {
    it('adds and ticks goals, writes a check-in, ends with feedback; a blank goal shows the page again with 400', async () => {
      const [mentor, mentee] = [await person(t), await person(t)];
      await offerVia(t, mentor);
      const id = await mentorshipVia(t, mentee, mentor);
      expect((await postForm(t, `/mentoring/${id}/goals`, { title: 'Ship a report' }, mentee)).statusCode).toBe(303);
      const goal = await t.deps.db.selectFrom('mentorship_goals').select('id').where('mentorship_id', '=', id).executeTakeFirstOrThrow();
      expect((await postForm(t, `/mentoring/${id}/goals/${goal.id}`, { done: '1' }, mentor)).statusCode).toBe(303);
      expect((await postForm(t, `/mentoring/${id}/checkins`, { body: 'Reviewed the *draft*.' }, mentor)).statusCode).toBe(303);
      const page = (await get(`/mentoring/${id}`, mentee)).body;
      expect(page).toContain('Ship a report');
      expect(page).toContain('(done)');
      expect(page).toContain('<em>draft</em>');
      const blank = await postForm(t, `/mentoring/${id}/goals`, { title: ' ' }, mentee);
      expect(blank.statusCode).toBe(400);
      expect(blank.body).toContain('href="#f-title"');
      expect((await postForm(t, `/mentoring/${id}/end`, { rating: '4', feedback: 'Good run.' }, mentee)).statusCode).toBe(303);
      const ended = (await get(`/mentoring/${id}`, mentor)).body;
      expect(ended).toContain('4 of 5');
      expect(ended).toContain('Give feedback');
    });
  });
});
