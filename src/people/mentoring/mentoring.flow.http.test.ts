import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { mentoringCounts, mentorshipVia, offerVia, person, requestVia } from './mentoring.fixtures.ts';

describeEachDialect('mentoring flow API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
  });
  afterAll(async () => t.close());

  const notes = async (b: Omit<Browser, 'userId'>) => (await api(t, 'GET', '/api/v1/notifications', undefined, b)).json().items as Array<{ kind: string; data: { text: string; url: string } | null }>;
  const verbs = async (subjectType: string, id: number) => (await t.deps.db.selectFrom('activity').select('verb').where('subject_type', '=', subjectType).where('subject_id', '=', id).orderBy('id').execute()).map((r) => r.verb);

  describe('PUT /api/v1/mentoring/offer', () => {
    it('offers mentoring, lists the mentor with free places, and records mentoring.offered', async () => {
      const m = await person(t, { name: 'Olga Offer' });
      const res = await api(t, 'PUT', '/api/v1/mentoring/offer', { skills: ['PostgreSQL', 'Query tuning', 'postgresql'], capacity: 3, timeZone: 'Europe/Berlin', note: 'Evenings.' }, m);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ capacity: 3, free: 3, active: true, skills: [{ skill: 'PostgreSQL', skillKey: 'postgresql' }, { skill: 'Query tuning', skillKey: 'query-tuning' }] });
      const listed = (await api(t, 'GET', '/api/v1/mentoring/mentors?skill=postgresql')).json().items as Array<{ mentor: { username: string }; free: number }>;
      expect(listed.find((o) => o.mentor.username === m.username)?.free).toBe(3);
      const offer = await t.deps.db.selectFrom('mentor_offers').select('id').where('user_id', '=', m.userId).executeTakeFirstOrThrow();
      expect(await verbs('mentor_offer', offer.id)).toEqual(['mentoring.offered']);
    });

    it('rejects a capacity outside 1–10, an unknown time zone and no skills with 400 naming the field, writing nothing', async () => {
      const m = await person(t);
      const before = await mentoringCounts(t.deps.db);
      for (const [body, field] of [
        [{ skills: ['SQL'], capacity: 11, timeZone: 'UTC' }, 'capacity'],
        [{ skills: ['SQL'], capacity: 0, timeZone: 'UTC' }, 'capacity'],
        [{ skills: ['SQL'], capacity: 2, timeZone: 'Mars/Base' }, 'timeZone'],
        [{ skills: ['  ', '!!'], capacity: 2, timeZone: 'UTC' }, 'skills'],
      ] as const) {
        const res = await api(t, 'PUT', '/api/v1/mentoring/offer', body, m);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
    });
  });

  describe('POST /api/v1/mentoring/requests', () => {
    it('asks a named mentor, who is notified and accepts: a mentorship starts and the mentee is notified', async () => {
      const [mentor, mentee] = [await person(t, { name: 'Mara Mentor' }), await person(t, { name: 'Ned Newcomer' })];
      await offerVia(t, mentor, { capacity: 1 });
      const id = await requestVia(t, mentee, { mentor: mentor.username, goals: 'Read **query plans**.' });
      const shown = (await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, mentor)).json();
      expect(shown).toMatchObject({ state: 'pending', mentee: { username: mentee.username }, mentor: { username: mentor.username }, goalsHtml: expect.stringContaining('<strong>query plans</strong>') });
      expect((await notes(mentor))[0]).toMatchObject({ kind: 'mentoring_request', data: { text: 'Ned Newcomer asks you for mentoring in SQL', url: `/mentoring/requests/${id}` } });
      const toMe = (await api(t, 'GET', '/api/v1/mentoring/requests?as=mentor', undefined, mentor)).json().items as Array<{ id: number }>;
      expect(toMe.map((r) => r.id)).toEqual([id]);

      const acc = await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor);
      expect(acc.statusCode).toBe(201);
      const ms = acc.json();
      expect(ms).toMatchObject({ state: 'active', mentor: { username: mentor.username }, mentee: { username: mentee.username } });
      expect((await notes(mentee))[0]).toMatchObject({ kind: 'mentoring_accepted', data: { url: `/mentoring/${ms.id}` } });
      expect((await api(t, 'GET', '/api/v1/mentoring/offer', undefined, mentor)).json().free).toBe(0);
      expect(await verbs('mentoring_request', id)).toEqual(['mentoring.requested']);
      expect(await verbs('mentorship', ms.id)).toEqual(['mentorship.started']);
      expect((await api(t, 'GET', '/api/v1/mentoring/mentorships', undefined, mentee)).json().items.map((m: { id: number }) => m.id)).toEqual([ms.id]);
    });

    it('answers a request to a mentor at capacity with 409 naming mentor, and writes nothing', async () => {
      const [mentor, first, second] = [await person(t, { name: 'Fay Full' }), await person(t), await person(t)];
      await offerVia(t, mentor, { capacity: 1 });
      await mentorshipVia(t, first, mentor);
      const before = await mentoringCounts(t.deps.db);
      const res = await api(t, 'POST', '/api/v1/mentoring/requests', { goals: 'Learn SQL.', skills: ['SQL'], mentor: mentor.username }, second);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details[0].field).toBe('mentor');
      expect(res.json().error.message).toContain('Fay Full is at capacity (1 of 1 places taken)');
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
    });

    it('refuses asking yourself (400), an unknown mentor (400), a mentor not offering (409), an unreadable community (400), each writing nothing', async () => {
      const [me, notMentor, owner] = [await person(t), await person(t), await person(t)];
      await offerVia(t, me);
      const priv = await makeCommunity(t.deps.db, owner.userId, { visibility: 'private' });
      const before = await mentoringCounts(t.deps.db);
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ mentor: me.username }, 400, 'mentor'],
        [{ mentor: 'nobody-by-this-name' }, 400, 'mentor'],
        [{ mentor: notMentor.username }, 409, 'mentor'],
        [{ community: priv.slug }, 400, 'community'],
        [{ goals: '   ' }, 400, 'goals'],
        [{ skills: [] }, 400, 'skills'],
      ];
      for (const [fields, status, field] of cases) {
        const res = await api(t, 'POST', '/api/v1/mentoring/requests', { goals: 'Grow.', skills: ['SQL'], ...fields }, me);
        expect(res.statusCode, JSON.stringify(fields)).toBe(status);
        expect(res.json().error.details.map((d: { field: string }) => d.field), JSON.stringify(fields)).toContain(field);
      }
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
    });

    it('keeps a request open without a mentor, proposes mentors, then asks one; a decline lets the mentee ask another', async () => {
      const skill = `skill-${dialect}-flow`;
      const [a, b, mentee] = [await person(t, { name: 'Ada A' }), await person(t, { name: 'Bo B' }), await person(t)];
      await offerVia(t, a, { skills: [skill], capacity: 3 });
      await offerVia(t, b, { skills: [skill], capacity: 1 });
      const id = await requestVia(t, mentee, { skills: [skill] });
      expect((await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, mentee)).json().state).toBe('open');
      const proposals = (await api(t, 'GET', `/api/v1/mentoring/requests/${id}/proposals`, undefined, mentee)).json().items as Array<{ mentor: { username: string }; reasons: string[] }>;
      expect(proposals.map((p) => p.mentor.username)).toEqual([a.username, b.username]);
      expect(proposals[0]!.reasons).toEqual([`offers ${skill}`, '8 h working-hours overlap', '3 of 3 places free']);

      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/ask`, { mentor: a.username }, mentee)).json().state).toBe('pending');
      const dec = await api(t, 'POST', `/api/v1/mentoring/requests/${id}/decline`, {}, a);
      expect(dec.json()).toMatchObject({ state: 'declined' });
      expect((await notes(mentee))[0]).toMatchObject({ kind: 'mentoring_declined' });
      // After the decline the mentee asks someone else on the same request.
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/ask`, { mentor: b.username }, mentee)).json()).toMatchObject({ state: 'pending', mentor: { username: b.username } });
      // The declining mentor no longer sees it; the new one does.
      expect((await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, a)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, b)).statusCode).toBe(200);
    });

    it('lets only the mentor named accept or decline (403 for the mentee), and 409 once answered', async () => {
      const [mentor, mentee] = [await person(t), await person(t)];
      await offerVia(t, mentor);
      const id = await requestVia(t, mentee, { mentor: mentor.username });
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentee)).statusCode).toBe(403);
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor)).statusCode).toBe(201);
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/accept`, {}, mentor)).statusCode).toBe(409);
      expect((await api(t, 'POST', `/api/v1/mentoring/requests/${id}/decline`, {}, mentor)).statusCode).toBe(409);
    });

    it('awards the mentor the "mentor of 3" badge when the third mentee is accepted', async () => {
      const mentor = await person(t);
      await offerVia(t, mentor, { capacity: 3 });
      const badges = async () => (await t.deps.db.selectFrom('user_badges').select('badge').where('user_id', '=', mentor.userId).execute()).map((b) => b.badge);
      for (const n of [1, 2, 3]) {
        expect(await badges(), `after ${n - 1}`).not.toContain('mentor');
        await mentorshipVia(t, await person(t), mentor);
      }
      expect(await badges()).toContain('mentor');
    });

    it('refuses skills outside a closed community’s tags with 400 naming skills, and accepts its own tags', async () => {
      const [mentee, steward] = [await person(t), await person(t)];
      const c = await makeCommunity(t.deps.db, steward.userId, { tag_policy: 'closed' });
      await addMember(t.deps.db, c.id, mentee.userId);
      await t.deps.db.insertInto('community_tags').values({ community_id: c.id, tag: 'hydrology' }).execute();
      const before = await mentoringCounts(t.deps.db);
      const bad = await api(t, 'POST', '/api/v1/mentoring/requests', { goals: 'Grow.', skills: ['Hydrology', 'Astrology'], community: c.slug }, mentee);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0]).toMatchObject({ field: 'skills', message: expect.stringContaining('"astrology"') });
      expect(await mentoringCounts(t.deps.db)).toEqual(before);
      expect((await api(t, 'POST', '/api/v1/mentoring/requests', { goals: 'Grow.', skills: ['Hydrology'], community: c.slug }, mentee)).statusCode).toBe(201);
    });

    it('shows a request’s community only to those who may read it', async () => {
      const [mentor, mentee] = [await person(t), await person(t)];
      const priv = await makeCommunity(t.deps.db, mentee.userId, { visibility: 'private', name: 'Secret Guild Qx' });
      await addMember(t.deps.db, priv.id, mentor.userId);
      await offerVia(t, mentor);
      const id = await requestVia(t, mentee, { mentor: mentor.username, community: priv.slug });
      expect((await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, mentor)).json().community).toEqual({ slug: priv.slug, name: 'Secret Guild Qx' });
      await t.deps.db.deleteFrom('memberships').where('community_id', '=', priv.id).where('user_id', '=', mentor.userId).execute();
      const res = await api(t, 'GET', `/api/v1/mentoring/requests/${id}`, undefined, mentor);
      expect(res.json().community).toBeNull();
      expect(res.body).not.toContain('Secret Guild Qx');
    });
  });
});

describeEachDialect('mentoring in the OpenAPI document', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('documents every /api/v1/mentoring operation with the mentoring tag, a summary and a response schema', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string; responses?: Record<string, unknown> }>> };
    const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1/mentoring/')).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ at: `${m} ${p}`, op })));
    expect(ops.length).toBe(19);
    for (const { at, op } of ops) {
      expect(op.tags, at).toEqual(['mentoring']);
      expect(op.summary, at).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).some((s) => s.startsWith('2')), at).toBe(true);
    }
  });
});
