import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { hashToken } from './sessions.store.ts';

function sessionCookie(res: { cookies: Array<{ name: string; value: string }> }): string | undefined {
  return res.cookies.find((c) => c.name === 'gh_session')?.value;
}

describeEachDialect('sign in and sign out', (dialect) => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  const whoAmI = async (cookie: string) => t.app.inject({ url: '/api/v1/me', headers: { cookie } });
  const sessionsOf = async (userId: number) =>
    Number((await t.deps.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    user = await makeUser(t.deps.db, { username: 'signer', email: 'signer@example.test' });
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/auth/signin', () => {
    it.each([['username', 'signer'], ['email', 'Signer@Example.test']])('signs in by %s and sets an HttpOnly SameSite=Lax cookie', async (_kind, login) => {
      const res = await api(t, 'POST', '/api/v1/auth/signin', { login, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ id: user.id, username: 'signer' });
      const c = res.cookies.find((x) => x.name === 'gh_session');
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect((await whoAmI(`gh_session=${c?.value}`)).json().id).toBe(user.id);
    });

    it('answers a wrong password and an unknown user with the same 401 and no cookie', async () => {
      const wrong = await api(t, 'POST', '/api/v1/auth/signin', { login: 'signer', password: 'not the password' });
      const unknown = await api(t, 'POST', '/api/v1/auth/signin', { login: 'nobody-at-all', password: 'not the password' });
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json().error.message).toBe('Wrong username/email or password');
        expect(sessionCookie(res)).toBeUndefined();
      }
    });

    it('rejects an empty login with 400 naming it and creates no session', async () => {
      const before = await sessionsOf(user.id);
      const res = await api(t, 'POST', '/api/v1/auth/signin', { login: '', password: TEST_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('login');
      expect(await sessionsOf(user.id)).toBe(before);
    });

    it('rotates the session: the cookie the browser had before no longer works', async () => {
      const old = await signInAs(t, user.id);
      const res = await api(t, 'POST', '/api/v1/auth/signin', { login: 'signer', password: TEST_PASSWORD }, old);
      expect(res.statusCode).toBe(200);
      const fresh = sessionCookie(res);
      expect(fresh).toBeTruthy();
      expect(old.cookie).not.toContain(fresh);
      expect((await whoAmI(old.cookie)).statusCode).toBe(401);
      expect((await whoAmI(`gh_session=${fresh}`)).statusCode).toBe(200);
    });
  });

  describe('POST /signin (form)', () => {
    it('redirects to a same-site next path after signing in', async () => {
      const res = await postForm(t, '/signin', { login: 'signer', password: TEST_PASSWORD, next: '/communities' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/communities');
      expect(sessionCookie(res)).toBeTruthy();
    });

    it('never redirects off-site, whatever next says', async () => {
      for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
        const res = await postForm(t, '/signin', { login: 'signer', password: TEST_PASSWORD, next });
        expect(res.headers.location).toBe('/');
      }
    });

    it('re-renders the form with 400 and the generic message on a wrong password', async () => {
      const res = await postForm(t, '/signin', { login: 'signer', password: 'not the password', next: '/x' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Wrong username/email or password');
      expect(res.body).toContain('value="signer"');
      expect(res.body).toContain('name="next" value="/x"');
      expect(sessionCookie(res)).toBeUndefined();
    });

    it('rotates the session on a form sign-in too', async () => {
      const old = await signInAs(t, user.id);
      const res = await postForm(t, '/signin', { login: 'signer', password: TEST_PASSWORD }, old);
      expect(res.statusCode).toBe(303);
      expect((await whoAmI(old.cookie)).statusCode).toBe(401);
    });

    it('requires the CSRF token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/signin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `login=signer&password=${encodeURIComponent(TEST_PASSWORD)}`,
      });
      expect(res.statusCode).toBe(403);
      expect(sessionCookie(res)).toBeUndefined();
    });

    it('shows the sign-in page with the next path carried in the form', async () => {
      const res = await t.app.inject('/signin?next=%2Fsettings');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="next" value="/settings"');
    });
  });

  describe('sign out', () => {
    it('POST /signout deletes the server-side session, so the old cookie stops working', async () => {
      const b = await signInAs(t, user.id);
      const sid = hashToken(b.cookie.match(/gh_session=([^;]+)/)![1]!);
      const res = await postForm(t, '/signout', {}, b);
      expect(res.statusCode).toBe(303);
      expect(await t.deps.db.selectFrom('sessions').select('id').where('id', '=', sid).executeTakeFirst()).toBeUndefined();
      expect((await whoAmI(b.cookie)).statusCode).toBe(401);
    });

    it('POST /signout without the CSRF token is refused and keeps the session', async () => {
      const b = await signInAs(t, user.id);
      const res = await t.app.inject({ method: 'POST', url: '/signout', headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(res.statusCode).toBe(403);
      expect((await whoAmI(b.cookie)).statusCode).toBe(200);
    });

    it('POST /api/v1/auth/signout answers 204 and ends the session', async () => {
      const b = await signInAs(t, user.id);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: { cookie: b.cookie, 'content-type': 'application/json' }, payload: '{}' });
      expect(res.statusCode).toBe(204);
      expect((await whoAmI(b.cookie)).statusCode).toBe(401);
    });

    it('signing out anonymously is harmless', async () => {
      const res = await postForm(t, '/signout', {}, anonymousBrowser());
      expect(res.statusCode).toBe(303);
    });
  });
});
