import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';

describeEachDialect('health and errors', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  describe('GET /readyz', () => {
    it('reports the database dialect, and on SQLite the durability pragmas read back', async () => {
      const res = await t.app.inject('/readyz');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe('ready');
      expect(body.database.dialect).toBe(dialect);
      if (dialect === 'sqlite') {
        expect(body.database.pragmas).toEqual({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000 });
      }
    });
  });

  it('answers /healthz with ok', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown API path with the one error shape', async () => {
    const res = await t.app.inject('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: [] } });
  });

  it('answers an unknown page with an HTML page that says so', async () => {
    const res = await t.app.inject('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>Not found · Guildhall</title>');
  });

  it('sends the security headers, with a CSP that allows no inline script', async () => {
    const res = await t.app.inject('/no-such-page');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets anyone choose a theme without a token (a preference cookie only), so anonymous pages carry none', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/theme', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'theme=dark&next=%2Fcommunities' });
    expect(res.statusCode).toBe(302);
    expect(String(res.headers['set-cookie'])).toContain('gh_theme=dark');
    const page = await t.app.inject({ method: 'GET', url: '/communities' });
    expect(page.body).not.toContain('name="_csrf"');
    expect(page.headers['set-cookie']).toBeUndefined();
    const bad = await t.app.inject({ method: 'POST', url: '/theme', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'theme=plaid' });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects a form post without a CSRF token with 403 and the CSRF_FAILED code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/signin', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'login=someone&password=whatever' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired');
  });
});
