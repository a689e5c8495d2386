import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { acceptAt, answeredQuestion, expertiseWorld, voteOn } from './expertise.fixtures.ts';
import { rebuildExpertise } from './expertise.hooks.ts';

const NOW = new Date('2026-11-01T09:00:00Z');

describeEachDialect('GET /api/v1/experts and /experts', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof expertiseWorld>>;
  let declarer: Awaited<ReturnType<typeof makeUser>>;
  const names = (res: { json(): { items: Array<{ username: string }> } }) => res.json().items.map((i) => i.username);

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NOW) });
    const db = t.deps.db;
    w = await expertiseWorld(db);
    declarer = await makeUser(db, { display_name: 'Dee Declarer' });
    // expert: accepted + 2 upvotes in "chisels" (public); rival: 1 upvote in chisels; secret accepted answer by rival.
    const a = await answeredQuestion(db, w.pub.id, w.asker.id, w.expert.id, ['chisels']);
    await acceptAt(db, a.topicId, a.answerId, w.pub.id, NOW.toISOString());
    await voteOn(db, a.answerId, [{ userId: w.v1.id, value: 1 }, { userId: w.v2.id, value: 1 }]);
    const b = await answeredQuestion(db, w.pub.id, w.asker.id, w.rival.id, ['chisels']);
    await voteOn(db, b.answerId, [{ userId: w.v1.id, value: 1 }]);
    const s = await answeredQuestion(db, w.secret.id, w.asker.id, w.rival.id, ['chisels'], 'Secret');
    await acceptAt(db, s.topicId, s.answerId, w.secret.id, NOW.toISOString());
    await db.insertInto('user_skills').values({ user_id: declarer.id, skill: 'Chisels', skill_key: 'chisels', level: 'expert', created_at: NOW.toISOString() }).execute();
    await db.updateTable('users').set({ location: 'Lisbon', time_zone: 'Europe/Lisbon', mentoring_availability: 'open', headline: 'Woodworker and toolmaker' }).where('id', '=', w.expert.id).execute();
    await db.updateTable('users').set({ location: 'Lisbon', time_zone: 'America/New_York', mentoring_availability: 'not_available' }).where('id', '=', w.rival.id).execute();
    await db.updateTable('users').set({ location: 'Porto', time_zone: 'Europe/Lisbon', mentoring_availability: 'limited' }).where('id', '=', declarer.id).execute();
    await rebuildExpertise(db, NOW.toISOString());
  });
  afterAll(async () => t.close());

  it('ranks demonstrated expertise with declared skills, and says why each matched', async () => {
    const res = await api(t, 'GET', '/api/v1/experts?skill=Chisels');
    expect(res.statusCode).toBe(200);
    // expert 10 + 2×2 = 14; declarer: declared expert = 10; rival (public only) 2×1 = 2.
    expect(names(res)).toEqual([w.expert.username, declarer.username, w.rival.username]);
    const [first, second] = res.json().items;
    expect(first.score).toBe(14);
    expect(first.reasons[0]).toMatchObject({ kind: 'demonstrated', url: `/u/${w.expert.username}/expertise/chisels` });
    expect(second.reasons).toEqual([{ kind: 'declared', label: 'Declares Chisels (expert)', url: null }]);
  });

  it('counts private-community evidence only for its members', async () => {
    const outsider = await signInAs(t, w.outsider.id);
    const member = await signInAs(t, w.v1.id);
    const out = (await api(t, 'GET', '/api/v1/experts?skill=chisels', undefined, outsider)).json();
    expect(out.items.find((i: { username: string }) => i.username === w.rival.username).score).toBe(2);
    const inside = (await api(t, 'GET', '/api/v1/experts?skill=chisels', undefined, member)).json();
    expect(inside.items.find((i: { username: string }) => i.username === w.rival.username).score).toBe(12);
    expect(JSON.stringify(out)).not.toContain('Secret');
    expect((await api(t, 'GET', `/api/v1/experts?skill=chisels&community=${w.secret.slug}`, undefined, outsider)).statusCode).toBe(404);
  });

  it('filters by location, time zone, UTC offset and mentoring availability', async () => {
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels&location=lisbon')).sort()).toEqual([w.expert.username, w.rival.username].sort());
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels&timeZone=Europe/Lisbon'))).toEqual([w.expert.username, declarer.username]);
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels&utcOffsetMin=-6&utcOffsetMax=-4'))).toEqual([w.rival.username]);
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels&mentoring=available'))).toEqual([w.expert.username, declarer.username]);
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels&mentoring=limited'))).toEqual([declarer.username]);
    expect(names(await api(t, 'GET', `/api/v1/experts?skill=chisels&community=${w.pub.slug}`))).toEqual([w.expert.username, w.rival.username]);
  });

  it('neither searches nor shows fields a member hid', async () => {
    await t.deps.db.insertInto('profile_field_privacy').values([{ user_id: w.expert.id, field: 'location', visibility: 'only_me' }, { user_id: declarer.id, field: 'skills', visibility: 'members' }]).execute();
    const res = await api(t, 'GET', '/api/v1/experts?skill=chisels&location=lisbon');
    expect(names(res)).toEqual([w.rival.username]);
    const all = (await api(t, 'GET', '/api/v1/experts?skill=chisels')).json();
    expect(all.items.find((i: { username: string }) => i.username === w.expert.username).location).toBeNull();
    expect(all.items.map((i: { username: string }) => i.username)).not.toContain(declarer.username);
    const signedIn = await signInAs(t, w.v2.id);
    expect(names(await api(t, 'GET', '/api/v1/experts?skill=chisels', undefined, signedIn))).toContain(declarer.username);
    await t.deps.db.deleteFrom('profile_field_privacy').execute();
  });

  it('matches free text in headlines and names', async () => {
    const res = (await api(t, 'GET', '/api/v1/experts?q=toolmaker')).json();
    expect(res.items[0]).toMatchObject({ username: w.expert.username });
    expect(res.items[0].reasons.map((r: { kind: string }) => r.kind)).toContain('text');
  });

  it('pages with a cursor', async () => {
    const first = (await api(t, 'GET', '/api/v1/experts?skill=chisels&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await api(t, 'GET', `/api/v1/experts?skill=chisels&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { username: string }) => i.username)).toEqual([w.rival.username]);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects bad input with 400 naming the field', async () => {
    for (const [q, field] of [['skill=%21%21', 'skill'], ['timeZone=Mars/Olympus', 'timeZone'], ['utcOffsetMin=3&utcOffsetMax=1', 'utcOffsetMin'], ['mentoring=always', 'mentoring'], ['cursor=nope', 'cursor']] as const) {
      const res = await api(t, 'GET', `/api/v1/experts?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json()), q).toContain(field);
    }
  });

  describe('the /experts page', () => {
    it('shows results with reasons, and an empty state', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/experts?skill=chisels' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`/u/${w.expert.username}/expertise/chisels`);
      expect(res.body).toContain('Declares Chisels (expert)');
      const none = await t.app.inject({ method: 'GET', url: '/experts?skill=basketry' });
      expect(none.body).toContain('No one matches');
    });

    it('answers a bad filter with 400 and the field named in the form', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/experts?utcOffsetMin=abc' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('#f-utcOffsetMin');
    });
  });
});
