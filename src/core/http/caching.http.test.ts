import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

describeEachDialect('cache headers and conditional GETs', (dialect) => {
  let t: TestApp;
  let pub: string;
  let priv: string;
  let member: Browser;
  const visitor = anonymousBrowser();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const s = await makeUser(t.deps.db);
    pub = (await makeCommunity(t.deps.db, s.id)).slug;
    const p = await makeCommunity(t.deps.db, s.id, { visibility: 'private', join_policy: 'invite' });
    priv = p.slug;
    const m = await makeUser(t.deps.db);
    await addMember(t.deps.db, p.id, m.id);
    member = await signInAs(t, m.id);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('lets anyone keep an anonymous page but revalidate it, and answers a matching If-None-Match with an empty 304', async () => {
    const first = await get(`/c/${pub}`, { cookie: visitor.cookie });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get(`/c/${pub}`, { cookie: visitor.cookie, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get(`/c/${pub}`, { cookie: visitor.cookie, 'if-none-match': 'W/"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('marks pages for a signed-in person, and responses that set a cookie, private', async () => {
    const mine = await get(`/c/${priv}`, { cookie: member.cookie });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    const fresh = await get('/signin');
    expect(fresh.headers['set-cookie']).toBeDefined();
    expect(fresh.headers['cache-control']).toBe('private, no-cache');
  });

  it('does the same for API reads', async () => {
    const first = await get(`/api/v1/communities/${pub}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await get(`/api/v1/communities/${pub}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('never turns an error or a write into a 304', async () => {
    const missing = await get(`/c/${priv}`, { cookie: visitor.cookie, 'if-none-match': '*' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const write = await postForm(t, '/theme', { theme: 'dark' }, visitor);
    expect(write.statusCode).not.toBe(304);
    expect(write.headers.etag).toBeUndefined();
  });

  it('leaves static files their own cache headers', async () => {
    const css = await get('/static/app.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).not.toBe('public, no-cache');
  });
});
