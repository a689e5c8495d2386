import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, fakeClock, postForm, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeUser, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { loadConfig } from '../core/config.ts';
import { createMailer } from '../core/mail/index.ts';
import { hashToken } from './sessions.store.ts';

/** Undoes quoted-printable soft breaks and escapes, as a mail client would. */
function decodeQp(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Waits (up to 5 s) for something that happens after the response, such as a mail being delivered. */
async function eventually<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

function tokenFrom(text: string): string {
  const m = /\/password\/reset\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no reset link in: ${text}`);
  return m[1];
}

describeEachDialect('password reset', (dialect) => {
  let t: TestApp;
  const clock = fakeClock();
  const count = async (table: 'password_resets' | 'sessions', userId: number) =>
    Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);
  const signIn = (login: string, password: string) => api(t, 'POST', '/api/v1/auth/signin', { login, password });
  const forgot = async (email: string) => {
    const before = t.sent.length;
    const res = await api(t, 'POST', '/api/v1/auth/password/forgot', { email });
    return { res, mail: t.sent.slice(before) };
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock, env: { BASE_URL: 'https://guild.example.test' } });
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/auth/password/forgot', () => {
    it('mails a link with a single-use token and stores only its hash', async () => {
      const u = await makeUser(t.deps.db, { email: 'forgetful@example.test' });
      const { res, mail } = await forgot('Forgetful@Example.test');
      expect(res.statusCode).toBe(202);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.to).toBe('forgetful@example.test');
      expect(mail[0]!.text).toContain('https://guild.example.test/password/reset?token=');
      const token = tokenFrom(mail[0]!.text);
      const rows = await t.deps.db.selectFrom('password_resets').selectAll().where('user_id', '=', u.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(hashToken(token));
      expect(rows[0]!.token_hash).not.toContain(token);
      expect(new Date(rows[0]!.expires_at).getTime() - new Date(rows[0]!.created_at).getTime()).toBe(3_600_000);
    });

    it('answers an unknown email exactly as a known one, and sends nothing', async () => {
      await makeUser(t.deps.db, { email: 'known@example.test' });
      const known = await forgot('known@example.test');
      const unknown = await forgot('nobody@example.test');
      expect(unknown.res.statusCode).toBe(known.res.statusCode);
      expect(unknown.res.body).toBe(known.res.body);
      expect(unknown.mail).toHaveLength(0);
    });

    it('rejects a malformed email with 400 naming it', async () => {
      const { res, mail } = await forgot('not an email');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('email');
      expect(mail).toHaveLength(0);
    });
  });

  describe('POST /api/v1/auth/password/reset', () => {
    it('sets the new password, uses the token up and ends every session of the user', async () => {
      const u = await makeUser(t.deps.db, { email: 'resetter@example.test' });
      await signInAs(t, u.id);
      const b = await signInAs(t, u.id);
      const token = tokenFrom((await forgot('resetter@example.test')).mail[0]!.text);
      const res = await api(t, 'POST', '/api/v1/auth/password/reset', { token, password: 'a brand new password' });
      expect(res.statusCode).toBe(200);
      expect(await count('sessions', u.id)).toBe(0);
      expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode).toBe(401);
      expect((await signIn(u.username, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await signIn(u.username, 'a brand new password')).statusCode).toBe(200);
      const again = await api(t, 'POST', '/api/v1/auth/password/reset', { token, password: 'yet another password' });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details[0].field).toBe('token');
      expect((await signIn(u.username, 'yet another password')).statusCode).toBe(401);
    });

    it('refuses an expired token with 400 naming token and changes nothing', async () => {
      const u = await makeUser(t.deps.db, { email: 'late@example.test' });
      const token = tokenFrom((await forgot('late@example.test')).mail[0]!.text);
      clock.advance(61 * 60 * 1000);
      const res = await api(t, 'POST', '/api/v1/auth/password/reset', { token, password: 'too late password' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('token');
      expect((await signIn(u.username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses an unknown token with 400 naming token', async () => {
      const res = await api(t, 'POST', '/api/v1/auth/password/reset', { token: 'made-up', password: 'whatever password' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('token');
    });

    it('refuses a short password with 400 naming password and leaves the token usable', async () => {
      const u = await makeUser(t.deps.db, { email: 'shorty@example.test' });
      const token = tokenFrom((await forgot('shorty@example.test')).mail[0]!.text);
      const res = await api(t, 'POST', '/api/v1/auth/password/reset', { token, password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('password');
      const row = await t.deps.db.selectFrom('password_resets').select('used_at').where('user_id', '=', u.id).executeTakeFirstOrThrow();
      expect(row.used_at).toBeNull();
    });
  });

  describe('pages', () => {
    it('the forgot form answers the same page for known and unknown emails', async () => {
      await makeUser(t.deps.db, { email: 'page@example.test' });
      const known = await postForm(t, '/password/forgot', { email: 'page@example.test' });
      const unknown = await postForm(t, '/password/forgot', { email: 'nope@example.test' });
      expect(known.statusCode).toBe(200);
      expect(unknown.statusCode).toBe(200);
      expect(known.body).toContain('Check your email');
      expect(unknown.body.replace(/value="[^"]*"/g, '')).toBe(known.body.replace(/value="[^"]*"/g, ''));
    });

    it('shows the new-password form for a live token, then sets the password and redirects to sign in', async () => {
      const u = await makeUser(t.deps.db, { email: 'formreset@example.test' });
      const token = tokenFrom((await forgot('formreset@example.test')).mail[0]!.text);
      const page = await t.app.inject(`/password/reset?token=${token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`name="token" value="${token}"`);
      const res = await postForm(t, '/password/reset', { token, password: 'form chosen password' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/signin');
      expect((await signIn(u.username, 'form chosen password')).statusCode).toBe(200);
      expect((await t.app.inject(`/password/reset?token=${token}`)).statusCode).toBe(400);
    });

    it('the reset form post requires the CSRF token', async () => {
      await makeUser(t.deps.db, { email: 'csrf@example.test' });
      const token = tokenFrom((await forgot('csrf@example.test')).mail[0]!.text);
      const res = await t.app.inject({
        method: 'POST',
        url: '/password/reset',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ token, password: 'sneaky new password' }).toString(),
      });
      expect(res.statusCode).toBe(403);
      const row = await t.deps.db.selectFrom('password_resets').select('used_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
      expect(row.used_at).toBeNull();
    });
  });
});

describeEachDialect('password reset mail delivery', (dialect) => {
  it('sends the reset link through a real SMTP server when SMTP_URL is set', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Guildhall <guildhall@example.test>', dataDir: os.tmpdir() });
    const t = await buildTestApp(dialect, { mailer });
    try {
      await makeUser(t.deps.db, { email: 'smtp-user@example.test' });
      const res = await api(t, 'POST', '/api/v1/auth/password/forgot', { email: 'smtp-user@example.test' });
      expect(res.statusCode).toBe(202);
      const message = decodeQp(await eventually(() => received[0]));
      expect(received).toHaveLength(1);
      expect(message).toContain('To: smtp-user@example.test');
      expect(message).toContain('Subject: Reset your Guildhall password');
      expect(message).toContain(`${t.deps.config.baseUrl}/password/reset?token=${tokenFrom(message)}`);
    } finally {
      await t.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('writes the mail as an .eml file to DATA_DIR/outbox when no SMTP_URL is set', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guildhall-outbox-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.smtpUrl).toBeNull();
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
    const t = await buildTestApp(dialect, { mailer });
    try {
      await makeUser(t.deps.db, { email: 'outbox-user@example.test' });
      await api(t, 'POST', '/api/v1/auth/password/forgot', { email: 'outbox-user@example.test' });
      const outbox = path.join(dataDir, 'outbox');
      const files = await eventually(() => (fs.existsSync(outbox) && fs.readdirSync(outbox).length > 0 ? fs.readdirSync(outbox) : undefined));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const message = decodeQp(fs.readFileSync(path.join(dataDir, 'outbox', files[0]!), 'utf8'));
      expect(message).toContain('To: outbox-user@example.test');
      expect(message).toContain('/password/reset?token=');
    } finally {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
