import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import { recordActivity } from '../core/activity.ts';

describeEachDialect('people: profiles', (dialect) => {
  let t: TestApp;
  let person: Awaited<ReturnType<typeof makeUser>>;
  let insider: Awaited<ReturnType<typeof makeUser>>;
  const names = { open: 'Open Guild of Welders', closed: 'Quiet Circle of Surgeons', secret: 'Hidden Lodge of Cartographers' };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const founder = await makeUser(db);
    person = await makeUser(db, { username: 'profiled', display_name: 'Pat Profiled', bio: 'I weld.', discipline: 'Welding', location: 'Sheffield', time_zone: 'Europe/London', email: 'pat.secret@example.test' });
    insider = await makeUser(db);
    const open = await makeCommunity(db, founder.id, { name: names.open, slug: 'open-welders' });
    const closed = await makeCommunity(db, founder.id, { name: names.closed, slug: 'quiet-surgeons', visibility: 'private', join_policy: 'approval' });
    const secret = await makeCommunity(db, founder.id, { name: names.secret, slug: 'hidden-lodge', visibility: 'private', join_policy: 'invite' });
    for (const c of [open, closed, secret]) {
      await addMember(db, c.id, person.id);
      await recordActivity(db, { actorId: person.id, verb: 'topic.created', communityId: c.id, subjectType: 'topic', subjectId: 1000 + c.id, data: { title: `Topic in ${c.name}` }, at: new Date().toISOString() });
    }
    await recordActivity(db, { actorId: person.id, verb: 'community.member_removed', communityId: open.id, subjectType: 'user', subjectId: founder.id, data: {}, at: new Date().toISOString() });
    await addMember(db, closed.id, insider.id);
  });
  afterAll(async () => t.close());

  const profileAs = async (viewerId: number | null) => {
    const b = viewerId === null ? undefined : await signInAs(t, viewerId);
    return api(t, 'GET', '/api/v1/users/profiled', undefined, b);
  };

  describe('GET /api/v1/users/:username', () => {
    it('shows anonymous visitors the public profile, without the email', async () => {
      const res = await profileAs(null);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ username: 'profiled', displayName: 'Pat Profiled', bio: 'I weld.', discipline: 'Welding', location: 'Sheffield', timeZone: 'Europe/London', role: 'member' });
      expect(res.body).not.toContain('pat.secret@example.test');
      expect(res.json()).not.toHaveProperty('email');
    });

    it('lists only communities and activity in communities the viewer may read (anonymous)', async () => {
      const body = (await profileAs(null)).json();
      expect(body.communities.map((c: { name: string }) => c.name)).toEqual([names.open]);
      expect(body.recentActivity.map((a: { title: string }) => a.title)).toEqual([`Topic in ${names.open}`]);
      expect((await profileAs(null)).body).not.toMatch(/Surgeons|Cartographers/);
    });

    it('hides private communities from a signed-in non-member, even one whose name is listed in the directory', async () => {
      const stranger = await makeUser(t.deps.db);
      const res = await profileAs(stranger.id);
      expect(res.json().communities.map((c: { name: string }) => c.name)).toEqual([names.open]);
      expect(res.body).not.toMatch(/Surgeons|Cartographers/);
    });

    it('shows a member of a private community that membership and its activity, and nothing of another', async () => {
      const res = await profileAs(insider.id);
      expect(res.json().communities.map((c: { name: string }) => c.name).sort()).toEqual([names.open, names.closed].sort());
      expect(res.json().recentActivity).toHaveLength(2);
      expect(res.body).not.toContain('Cartographers');
    });

    it('does not let an organisation admin read private memberships they are not part of', async () => {
      const admin = await makeUser(t.deps.db, { role: 'admin' });
      const res = await profileAs(admin.id);
      expect(res.body).not.toMatch(/Surgeons|Cartographers/);
    });

    it('leaves moderation acts out of the recent activity', async () => {
      const res = await profileAs(null);
      expect(res.json().recentActivity.map((a: { verb: string }) => a.verb)).toEqual(['topic.created']);
    });

    it('answers 404 for an unknown username', async () => {
      const res = await api(t, 'GET', '/api/v1/users/no-such-person');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /u/:username', () => {
    it('renders the profile page for anonymous visitors, without private communities or the email', async () => {
      const res = await t.app.inject('/u/profiled');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Pat Profiled</h1>');
      expect(res.body).toContain(names.open);
      expect(res.body).toContain('href="/c/open-welders"');
      expect(res.body).not.toMatch(/Surgeons|Cartographers|pat\.secret/);
    });

    it('offers the person an edit link on their own profile', async () => {
      const res = await t.app.inject({ url: '/u/profiled', headers: { cookie: (await signInAs(t, person.id)).cookie } });
      expect(res.body).toContain('Edit your profile');
      expect(res.body).toContain(names.secret);
    });

    it('answers an unknown person with a 404 page', async () => {
      const res = await t.app.inject('/u/nobody-here');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    });
  });
});
