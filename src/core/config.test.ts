import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under ./data on localhost:3000 with the demo on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('localhost');
    expect(c.dialect).toBe('sqlite');
    expect(c.databaseUrl).toBe(`sqlite:${path.resolve('data', 'guildhall.db')}`);
    expect(c.demo).toBe(true);
    expect(c.baseUrl).toBe('http://localhost:3000');
  });

  it('takes DATA_DIR, PORT, HOST and a PostgreSQL DATABASE_URL', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/gh', PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db' });
    expect(c.dataDir).toBe('/tmp/gh');
    expect(c.port).toBe(8080);
    expect(c.dialect).toBe('postgres');
    expect(c.baseUrl).toBe('http://localhost:8080');
  });

  it('reads GUILDHALL_DEMO=0 as off and lower-cases ADMIN_EMAILS', () => {
    const c = loadConfig({ GUILDHALL_DEMO: '0', ADMIN_EMAILS: ' Ana@Example.org, bo@example.org ' });
    expect(c.demo).toBe(false);
    expect(c.adminEmails).toEqual(['ana@example.org', 'bo@example.org']);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be between 0 and 65535/],
    [{ GUILDHALL_DEMO: 'maybe' }, /^GUILDHALL_DEMO must be/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL must start with smtp: or smtps:/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ ADMIN_EMAILS: 'nobody' }, /^ADMIN_EMAILS has an entry that is not an email/],
    [{ LIMIT_TITLE_MAX: '5' }, /^LIMIT_TITLE_MAX must be between 10 and 1000/],
  ])('rejects %o with a one-line reason naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
