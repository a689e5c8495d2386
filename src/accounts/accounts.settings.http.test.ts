import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../../test/helpers/factories.ts';

describeEachDialect('settings', (dialect) => {
  let t: TestApp;
  const profileOf = (id: number) => t.deps.db.selectFrom('users').select(['display_name', 'bio', 'discipline', 'location', 'time_zone', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const activityCount = async (id: number, verb: string) =>
    Number((await t.deps.db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_id', '=', id).where('verb', '=', verb).executeTakeFirstOrThrow()).n);
  const whoAmI = (cookie: string) => t.app.inject({ url: '/api/v1/me', headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { LIMIT_BIO_MAX: '50' } });
  });
  afterAll(async () => t.close());

  describe('GET /api/v1/me', () => {
    it('answers 401 to anonymous callers', async () => {
      expect((await api(t, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });

    it('gives the signed-in user their own profile, email included', async () => {
      const u = await makeUser(t.deps.db);
      const res = await api(t, 'GET', '/api/v1/me', undefined, await signInAs(t, u.id));
      expect(res.json()).toMatchObject({ id: u.id, username: u.username, email: u.email, role: 'member' });
      expect(res.json()).not.toHaveProperty('password_hash');
    });
  });

  describe('PATCH /api/v1/me', () => {
    it('updates only the fields sent, trimmed, and records profile.updated', async () => {
      const u = await makeUser(t.deps.db, { location: 'Leeds' });
      const b = await signInAs(t, u.id);
      const res = await api(t, 'PATCH', '/api/v1/me', { displayName: '  Mary Somerville ', discipline: 'Astronomy', timeZone: 'Europe/London' }, b);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: 'Mary Somerville', discipline: 'Astronomy', timeZone: 'Europe/London', location: 'Leeds' });
      expect(await activityCount(u.id, 'profile.updated')).toBe(1);
    });

    it.each([
      ['displayName', { displayName: '   ' }],
      ['bio', { bio: 'x'.repeat(51) }],
      ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
      ['location', { location: 'y'.repeat(121) }],
    ])('rejects a bad %s with 400 naming it and writes nothing', async (field, body) => {
      const u = await makeUser(t.deps.db);
      const before = await profileOf(u.id);
      const res = await api(t, 'PATCH', '/api/v1/me', body, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await profileOf(u.id)).toEqual(before);
      expect(await activityCount(u.id, 'profile.updated')).toBe(0);
    });

    it('accepts an empty time zone and UTC', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      expect((await api(t, 'PATCH', '/api/v1/me', { timeZone: 'UTC' }, b)).json().timeZone).toBe('UTC');
      expect((await api(t, 'PATCH', '/api/v1/me', { timeZone: '' }, b)).json().timeZone).toBe('');
    });
  });

  describe('POST /settings (form)', () => {
    it('redirects anonymous visitors of /settings to sign in', async () => {
      const res = await t.app.inject('/settings');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/signin?next=%2Fsettings');
    });

    it('saves the profile and redirects back with a flash', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const res = await postForm(t, '/settings', { displayName: 'Rosalind', bio: 'Crystallographer.', discipline: 'Chemistry', location: 'London', timeZone: 'Europe/London' }, b);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/settings');
      expect(await profileOf(u.id)).toMatchObject({ display_name: 'Rosalind', bio: 'Crystallographer.', time_zone: 'Europe/London' });
      const page = await t.app.inject({ url: '/settings', headers: { cookie: b.cookie } });
      expect(page.body).toContain('<option value="Europe/London" selected');
    });

    it('re-renders with 400 naming the time zone and writes nothing', async () => {
      const u = await makeUser(t.deps.db);
      const before = await profileOf(u.id);
      const res = await postForm(t, '/settings', { displayName: 'Someone', bio: '', discipline: '', location: '', timeZone: 'Nowhere/Atall' }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-timeZone"');
      expect(await profileOf(u.id)).toEqual(before);
    });

    it('refuses a post without the CSRF token', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const res = await t.app.inject({ method: 'POST', url: '/settings', headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'displayName=Hacked' });
      expect(res.statusCode).toBe(403);
      expect((await profileOf(u.id)).display_name).not.toBe('Hacked');
    });
  });

  describe('changing the password', () => {
    it('PUT /api/v1/me/password keeps this session and ends every other one', async () => {
      const u = await makeUser(t.deps.db);
      const other = await signInAs(t, u.id);
      const me = await signInAs(t, u.id);
      const res = await api(t, 'PUT', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a whole new password' }, me);
      expect(res.statusCode).toBe(204);
      expect((await whoAmI(me.cookie)).statusCode).toBe(200);
      expect((await whoAmI(other.cookie)).statusCode).toBe(401);
      const signin = await api(t, 'POST', '/api/v1/auth/signin', { login: u.username, password: 'a whole new password' });
      expect(signin.statusCode).toBe(200);
    });

    it('rejects a wrong current password with 400 naming currentPassword and changes nothing', async () => {
      const u = await makeUser(t.deps.db);
      const other = await signInAs(t, u.id);
      const me = await signInAs(t, u.id);
      const res = await api(t, 'PUT', '/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'a whole new password' }, me);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('currentPassword');
      expect((await whoAmI(other.cookie)).statusCode).toBe(200);
    });

    it('rejects a short new password with 400 naming newPassword', async () => {
      const u = await makeUser(t.deps.db);
      const res = await api(t, 'PUT', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('newPassword');
    });

    it('the form changes it, ends other sessions and redirects with a flash', async () => {
      const u = await makeUser(t.deps.db);
      const other = await signInAs(t, u.id);
      const me = await signInAs(t, u.id);
      const res = await postForm(t, '/settings/password', { currentPassword: TEST_PASSWORD, newPassword: 'form made password' }, me);
      expect(res.statusCode).toBe(303);
      expect((await whoAmI(other.cookie)).statusCode).toBe(401);
      expect((await whoAmI(me.cookie)).statusCode).toBe(200);
    });

    it('the form re-renders with 400 on a wrong current password', async () => {
      const u = await makeUser(t.deps.db);
      const res = await postForm(t, '/settings/password', { currentPassword: 'wrong wrong', newPassword: 'form made password' }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-currentPassword"');
    });

    it('the form post requires the CSRF token', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const res = await t.app.inject({
        method: 'POST',
        url: '/settings/password',
        headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ currentPassword: TEST_PASSWORD, newPassword: 'csrf made password' }).toString(),
      });
      expect(res.statusCode).toBe(403);
      expect((await api(t, 'POST', '/api/v1/auth/signin', { login: u.username, password: TEST_PASSWORD })).statusCode).toBe(200);
    });
  });
});
