import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import { hashToken } from './sessions.store.ts';

describeEachDialect('personal API tokens', (dialect) => {
  let t: TestApp;
  const bearer = (secret: string, url = '/api/v1/me') => t.app.inject({ url, headers: { authorization: `Bearer ${secret}` } });
  // A cookie-authenticated DELETE has no body, so it carries the CSRF token in a header.
  const revoke = (id: number, b: { cookie: string; csrf: string }) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf } });
  const tokenCount = async (userId: number) =>
    Number((await t.deps.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/me/tokens', () => {
    it('makes a gh_ token, stores only its hash and prefix, and the token authenticates API calls', async () => {
      const u = await makeUser(t.deps.db);
      const res = await api(t, 'POST', '/api/v1/me/tokens', { name: 'report script' }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(201);
      const { token, secret } = res.json();
      expect(secret).toMatch(/^gh_[A-Za-z0-9_-]{40,}$/);
      expect(token).toMatchObject({ name: 'report script', prefix: secret.slice(0, 9), lastUsedAt: null });
      const row = await t.deps.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(secret));
      expect(Object.values(row)).not.toContain(secret);
      const me = await bearer(secret);
      expect(me.statusCode).toBe(200);
      expect(me.json().id).toBe(u.id);
    });

    it.each([[''], ['   '], ['x'.repeat(81)]])('rejects the name %j with 400 naming it and writes nothing', async (name) => {
      const u = await makeUser(t.deps.db);
      const res = await api(t, 'POST', '/api/v1/me/tokens', { name }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('name');
      expect(await tokenCount(u.id)).toBe(0);
    });

    it('answers 401 to anonymous callers', async () => {
      expect((await api(t, 'POST', '/api/v1/me/tokens', { name: 'x' })).statusCode).toBe(401);
    });
  });

  describe('using and revoking tokens', () => {
    it('lists active tokens without secrets or hashes, newest first, with cursor pagination', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      for (const name of ['one', 'two', 'three']) await api(t, 'POST', '/api/v1/me/tokens', { name }, b);
      const first = await api(t, 'GET', '/api/v1/me/tokens?limit=2', undefined, b);
      expect(first.json().items.map((i: { name: string }) => i.name)).toEqual(['three', 'two']);
      expect(JSON.stringify(first.json())).not.toMatch(/gh_[A-Za-z0-9_-]{20}|token_hash|secret/);
      const second = await api(t, 'GET', `/api/v1/me/tokens?limit=2&cursor=${first.json().nextCursor}`, undefined, b);
      expect(second.json()).toEqual({ items: [expect.objectContaining({ name: 'one' })], nextCursor: null });
    });

    it('DELETE revokes a token so it no longer authenticates', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const { token, secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'temp' }, b)).json();
      expect((await bearer(secret)).statusCode).toBe(200);
      const res = await revoke(token.id, b);
      expect(res.statusCode).toBe(204);
      expect((await bearer(secret)).statusCode).toBe(401);
      expect((await api(t, 'GET', '/api/v1/me/tokens', undefined, b)).json().items).toEqual([]);
    });

    it("answers 404 for someone else's token and leaves it working", async () => {
      const owner = await makeUser(t.deps.db);
      const other = await makeUser(t.deps.db);
      const { token, secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'mine' }, await signInAs(t, owner.id))).json();
      const res = await revoke(token.id, await signInAs(t, other.id));
      expect(res.statusCode).toBe(404);
      expect((await bearer(secret)).statusCode).toBe(200);
    });

    it('a token works only on the API: pages treat the request as anonymous', async () => {
      const u = await makeUser(t.deps.db);
      const { secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'api only' }, await signInAs(t, u.id))).json();
      const page = await bearer(secret, '/settings');
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toContain('/signin');
    });

    it('records when a token was last used', async () => {
      const u = await makeUser(t.deps.db);
      const { token, secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'used' }, await signInAs(t, u.id))).json();
      await bearer(secret);
      const row = await t.deps.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', token.id).executeTakeFirstOrThrow();
      expect(row.last_used_at).not.toBeNull();
    });

    it('refuses a cookie-authenticated DELETE without the CSRF header, and accepts a Bearer one', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const { token, secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'csrf check' }, b)).json();
      const noCsrf = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}`, headers: { cookie: b.cookie } });
      expect(noCsrf.statusCode).toBe(403);
      const viaBearer = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}`, headers: { authorization: `Bearer ${secret}` } });
      expect(viaBearer.statusCode).toBe(204);
      expect((await bearer(secret)).statusCode).toBe(401);
    });
  });

  describe('/settings/tokens pages', () => {
    it('shows the secret once, in the answer to the create form, and never again', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const res = await postForm(t, '/settings/tokens', { name: 'from the page' }, b);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const secret = /value="(gh_[^"]+)"/.exec(res.body)?.[1];
      expect(secret).toBeTruthy();
      expect((await bearer(secret!)).statusCode).toBe(200);
      const list = await t.app.inject({ url: '/settings/tokens', headers: { cookie: b.cookie } });
      expect(list.body).toContain('from the page');
      expect(list.body).not.toContain(secret!);
    });

    it('re-renders with 400 naming the name when it is blank', async () => {
      const u = await makeUser(t.deps.db);
      const res = await postForm(t, '/settings/tokens', { name: '  ' }, await signInAs(t, u.id));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#f-name"');
      expect(await tokenCount(u.id)).toBe(0);
    });

    it('revokes from the page with a form post, and refuses one without CSRF', async () => {
      const u = await makeUser(t.deps.db);
      const b = await signInAs(t, u.id);
      const { token, secret } = (await api(t, 'POST', '/api/v1/me/tokens', { name: 'page revoke' }, b)).json();
      const noCsrf = await t.app.inject({ method: 'POST', url: `/settings/tokens/${token.id}/revoke`, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(noCsrf.statusCode).toBe(403);
      expect((await bearer(secret)).statusCode).toBe(200);
      const res = await postForm(t, `/settings/tokens/${token.id}/revoke`, {}, b);
      expect(res.statusCode).toBe(303);
      expect((await bearer(secret)).statusCode).toBe(401);
    });

    it('shows a helpful empty state when there are no tokens', async () => {
      const u = await makeUser(t.deps.db);
      const res = await t.app.inject({ url: '/settings/tokens', headers: { cookie: (await signInAs(t, u.id)).cookie } });
      expect(res.body).toContain('No API tokens yet');
    });
  });
});
