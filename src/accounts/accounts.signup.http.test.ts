import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import type { Db } from '../core/db/index.ts';

async function counts(db: Db) {
  const users = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sessions = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const activity = await db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { users: Number(users.n), sessions: Number(sessions.n), activity: Number(activity.n) };
}

const good = { username: 'ada_l', email: 'Ada@Example.test', displayName: 'Ada Lovelace', password: 'analytical engine' };

describeEachDialect('sign up', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { ADMIN_EMAILS: 'boss@example.test' } });
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/auth/signup', () => {
    it('creates a member with a lowercased email, signs them in, and records user.signed_up', async () => {
      const res = await api(t, 'POST', '/api/v1/auth/signup', good);
      expect(res.statusCode).toBe(201);
      const { user } = res.json();
      expect(user).toMatchObject({ username: 'ada_l', email: 'ada@example.test', displayName: 'Ada Lovelace', role: 'member' });
      expect(user).not.toHaveProperty('passwordHash');
      const cookie = res.cookies.find((c) => c.name === 'gh_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(cookie?.secure).toBeFalsy();
      const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `gh_session=${cookie?.value}` } });
      expect(me.json().username).toBe('ada_l');
      const act = await t.deps.db.selectFrom('activity').selectAll().where('verb', '=', 'user.signed_up').where('actor_id', '=', user.id).execute();
      expect(act).toHaveLength(1);
      const row = await t.deps.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('makes a sign-up whose email is in ADMIN_EMAILS an admin', async () => {
      const res = await api(t, 'POST', '/api/v1/auth/signup', { ...good, username: 'the_boss', email: 'BOSS@example.test' });
      expect(res.statusCode).toBe(201);
      expect(res.json().user.role).toBe('admin');
    });

    it.each([
      ['username', { username: 'ab' }],
      ['username', { username: 'Has Spaces' }],
      ['username', { username: 'admin' }],
      ['username', { username: 'settings' }],
      ['email', { email: 'not-an-email' }],
      ['displayName', { displayName: '' }],
      ['displayName', { displayName: '   ' }],
      ['password', { password: 'short' }],
      ['password', { password: 'x'.repeat(201) }],
    ])('rejects a bad %s (%j) with 400 naming it and writes nothing', async (field, patch) => {
      const before = await counts(t.deps.db);
      const res = await api(t, 'POST', '/api/v1/auth/signup', { ...good, username: 'fresh_one', email: 'fresh@example.test', ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await counts(t.deps.db)).toEqual(before);
    });

    it('rejects a missing field with 400 naming it', async () => {
      const res = await api(t, 'POST', '/api/v1/auth/signup', { username: 'nobody_here', email: 'n@example.test', password: 'long enough password' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toContainEqual({ field: 'displayName', message: expect.stringContaining('required') });
    });

    it('answers a taken username or email with 409 naming the field and writes nothing', async () => {
      const taken = await makeUser(t.deps.db, { username: 'taken_name', email: 'taken@example.test' });
      const before = await counts(t.deps.db);
      const byName = await api(t, 'POST', '/api/v1/auth/signup', { ...good, username: taken.username, email: 'other@example.test' });
      expect(byName.statusCode).toBe(409);
      expect(byName.json().error.details[0].field).toBe('username');
      const byEmail = await api(t, 'POST', '/api/v1/auth/signup', { ...good, username: 'other_name', email: 'TAKEN@example.test' });
      expect(byEmail.statusCode).toBe(409);
      expect(byEmail.json().error.details[0].field).toBe('email');
      expect(await counts(t.deps.db)).toEqual(before);
    });
  });

  describe('POST /signup (form)', () => {
    it('creates the account, sets the session cookie and redirects to settings', async () => {
      const res = await postForm(t, '/signup', { username: 'grace_h', email: 'grace@example.test', displayName: 'Grace Hopper', password: 'compilers are fun' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/settings');
      expect(res.cookies.find((c) => c.name === 'gh_session')?.value).toBeTruthy();
    });

    it('re-renders the form with 400 naming the bad field, keeps the values and writes nothing', async () => {
      const before = await counts(t.deps.db);
      const res = await postForm(t, '/signup', { username: 'ok_name', email: 'ok@example.test', displayName: 'Okay', password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain('href="#f-password"');
      expect(res.body).toContain('value="ok_name"');
      expect(res.body).not.toContain('value="short"');
      expect(await counts(t.deps.db)).toEqual(before);
    });

    it('re-renders with 409 when the username is taken', async () => {
      await makeUser(t.deps.db, { username: 'form_taken' });
      const res = await postForm(t, '/signup', { username: 'form_taken', email: 'new@example.test', displayName: 'New', password: 'long enough password' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('That username is already taken');
    });

    it('refuses a post without the CSRF token with 403 and writes nothing', async () => {
      const before = await counts(t.deps.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/signup',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymousBrowser().cookie },
        payload: new URLSearchParams({ username: 'no_csrf', email: 'nc@example.test', displayName: 'No', password: 'long enough password' }).toString(),
      });
      expect(res.statusCode).toBe(403);
      expect(await counts(t.deps.db)).toEqual(before);
    });

    it('shows the form with labelled fields to anonymous visitors', async () => {
      const res = await t.app.inject('/signup');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<label for="f-username">');
      expect(res.body).toContain('name="_csrf"');
    });
  });
});

describeEachDialect('sign up behind HTTPS', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { BASE_URL: 'https://example.test' } });
  });
  afterAll(async () => t.close());

  it('marks the session cookie Secure when the site is served over https', async () => {
    const res = await api(t, 'POST', '/api/v1/auth/signup', good);
    expect(res.statusCode).toBe(201);
    expect(res.cookies.find((c) => c.name === 'gh_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });
});
