import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, postForm, anonymousBrowser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';

describeEachDialect('rate limits on sign-in, sign-up and password reset', (dialect) => {
  let t: TestApp;
  let username: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { AUTH_RATE_LIMIT: '3' } });
    username = (await makeUser(t.deps.db)).username;
  });
  afterAll(async () => t.close());

  const users = async () => (await t.deps.db.selectFrom('users').select('id').execute()).length;

  it('answers the API with 429 RATE_LIMITED and Retry-After once the attempts are used up', async () => {
    for (let i = 0; i < 3; i++) expect((await api(t, 'POST', '/api/v1/auth/signin', { login: username, password: 'wrong password here' })).statusCode).toBe(401);
    const res = await api(t, 'POST', '/api/v1/auth/signin', { login: username, password: 'wrong password here' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many attempts from your network\. Wait \d+ minutes and try again\.$/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('shows the sign-in form an HTML page saying to wait, and counts each route on its own', async () => {
    const b = anonymousBrowser();
    for (let i = 0; i < 3; i++) expect((await postForm(t, '/signin', { login: username, password: 'wrong password here' }, b)).statusCode).toBe(400);
    const res = await postForm(t, '/signin', { login: username, password: 'wrong password here' }, b);
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Too many attempts from your network');
  });

  it('writes nothing when a sign-up is refused for too many attempts', async () => {
    for (let i = 0; i < 3; i++) await api(t, 'POST', '/api/v1/auth/signup', { username: `rl${i}x`, displayName: 'R', email: `rl${i}@example.com`, password: 'a long enough password' });
    const before = await users();
    const res = await api(t, 'POST', '/api/v1/auth/signup', { username: 'rlfinal', displayName: 'R', email: 'rlfinal@example.com', password: 'a long enough password' });
    expect(res.statusCode).toBe(429);
    expect(await users()).toBe(before);
  });

  it('leaves other routes alone', async () => {
    for (let i = 0; i < 6; i++) expect((await t.app.inject({ method: 'GET', url: '/signin' })).statusCode).toBe(200);
  });
});
