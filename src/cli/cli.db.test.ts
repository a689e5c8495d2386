import { verify } from '@node-rs/argon2';
import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../core/db/index.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { captureIo, cliTestEnv, type CliTestEnv } from './cli.test-helpers.ts';
import { runCli } from './run.ts';
import { startServer } from './serve.ts';

async function rows(h: DbHandle, table: 'users' | 'communities' | 'activity'): Promise<number> {
  const r = await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describeEachDialect('guildhall CLI', (dialect) => {
  let t: CliTestEnv;
  let h: DbHandle | null = null;
  const setup = async (extra: Record<string, string> = {}) => {
    t = await cliTestEnv(dialect, extra);
    return t;
  };
  const db = () => (h ??= t.open());
  afterEach(async () => {
    await h?.close();
    h = null;
    await t.close();
  });

  describe('guildhall migrate', () => {
    it('applies every migration to an empty database and lists them; a second run says it is up to date', async () => {
      await setup();
      const first = captureIo();
      expect(await runCli(['migrate'], t.env, first)).toBe(0);
      expect(first.stdout()).toMatch(/Applied \d+ migration\(s\)/);
      expect(first.stdout()).toContain('202611261300_create_accounts');
      const second = captureIo();
      expect(await runCli(['migrate'], t.env, second)).toBe(0);
      expect(second.stdout()).toContain('up to date');
    });
  });

  describe('guildhall seed', () => {
    it('seeds an empty database and prints the demo sign-in', async () => {
      await setup();
      const io = captureIo();
      expect(await runCli(['seed'], t.env, io)).toBe(0);
      expect(io.stdout()).toContain('Sign in as: demo / guildhall-demo');
      expect(await rows(db(), 'communities')).toBe(4);
    });

    it('refuses politely with exit 1 when users exist, and writes nothing', async () => {
      await setup();
      expect(await runCli(['admin', 'create', '--email', 'ada@example.test', '--username', 'ada'], t.env, captureIo())).toBe(0);
      const before = await rows(db(), 'activity');
      const io = captureIo();
      expect(await runCli(['seed'], t.env, io)).toBe(1);
      expect(io.stderr()).toContain('not seeding');
      expect(await rows(db(), 'users')).toBe(1);
      expect(await rows(db(), 'communities')).toBe(0);
      expect(await rows(db(), 'activity')).toBe(before);
    });
  });

  describe('guildhall admin create', () => {
    it('makes an organisation admin with a generated password that works, and records the sign-up', async () => {
      await setup();
      const io = captureIo();
      expect(await runCli(['admin', 'create', '--email', 'Ada@Example.test', '--username', 'ada'], t.env, io)).toBe(0);
      const password = /Password \(shown once[^)]*\): (\S+)/.exec(io.stdout())?.[1];
      expect(password).toBeDefined();
      const user = await db().db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ username: 'ada', email: 'ada@example.test', role: 'admin', display_name: 'ada' });
      expect(await verify(user.password_hash!, password!)).toBe(true);
      const act = await db().db.selectFrom('activity').select(['verb', 'actor_id']).execute();
      expect(act).toEqual([{ verb: 'user.signed_up', actor_id: user.id }]);
    });

    it('uses --name and --password when given, and does not print the password', async () => {
      await setup();
      const io = captureIo();
      const args = ['admin', 'create', '--email', 'bo@example.test', '--username', 'bo-admin', '--name', 'Bo Admin', '--password', 'a long enough password'];
      expect(await runCli(args, t.env, io)).toBe(0);
      expect(io.stdout()).not.toContain('a long enough password');
      const user = await db().db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user.display_name).toBe('Bo Admin');
      expect(await verify(user.password_hash!, 'a long enough password')).toBe(true);
    });

    it('rejects a bad email, a bad username and a short password with exit 1 naming each flag, and writes nothing', async () => {
      await setup();
      const io = captureIo();
      expect(await runCli(['admin', 'create', '--email', 'not-an-email', '--username', 'Has Spaces', '--password', 'short'], t.env, io)).toBe(1);
      expect(io.stderr()).toContain('nothing was created');
      expect(io.stderr()).toMatch(/--email: .*email/i);
      expect(io.stderr()).toMatch(/--username: /);
      expect(io.stderr()).toMatch(/--password: .*at least/);
      expect(await rows(db(), 'users')).toBe(0);
      expect(await rows(db(), 'activity')).toBe(0);
    });

    it('rejects a username or email already in use with exit 1 and writes nothing', async () => {
      await setup();
      expect(await runCli(['admin', 'create', '--email', 'cyd@example.test', '--username', 'cyd'], t.env, captureIo())).toBe(0);
      const sameName = captureIo();
      expect(await runCli(['admin', 'create', '--email', 'other@example.test', '--username', 'cyd'], t.env, sameName)).toBe(1);
      expect(sameName.stderr()).toContain('--username: That username is already taken');
      const sameEmail = captureIo();
      expect(await runCli(['admin', 'create', '--email', 'CYD@example.test', '--username', 'cyd2'], t.env, sameEmail)).toBe(1);
      expect(sameEmail.stderr()).toContain('--email: ');
      expect(await rows(db(), 'users')).toBe(1);
    });

    it('answers a missing --email or an unknown option with the usage and exit 2', async () => {
      await setup();
      const missing = captureIo();
      expect(await runCli(['admin', 'create', '--username', 'dee'], t.env, missing)).toBe(2);
      expect(missing.stderr()).toContain('--email is required');
      const unknown = captureIo();
      expect(await runCli(['admin', 'create', '--email', 'd@example.test', '--username', 'dee', '--role', 'x'], t.env, unknown)).toBe(2);
      expect(unknown.stderr()).toContain('Usage: guildhall admin create');
      expect(await runCli(['admin', 'delete'], t.env, captureIo())).toBe(2);
    });
  });

  describe('guildhall serve', () => {
    it('on first start of an empty database seeds the demo, prints the URL and the sign-in, and answers /readyz', async () => {
      await setup();
      const io = captureIo();
      const s = await startServer(t.config, io);
      try {
        expect(s.seeded).toMatchObject({ username: 'demo', password: 'guildhall-demo' });
        expect(io.stdout()).toContain(`Guildhall is running at ${s.url}`);
        expect(io.stdout()).toContain('Sign in as: demo / guildhall-demo');
        const res = await fetch(`${s.url}/readyz`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { database: { dialect: string } }).database.dialect).toBe(dialect);
      } finally {
        await s.close();
      }
      const again = captureIo();
      const s2 = await startServer(t.config, again);
      await s2.close();
      expect(s2.seeded).toBeNull();
      expect(again.stdout()).not.toContain('Sign in as');
      expect(await rows(db(), 'communities')).toBe(4);
    });

    it('starts empty with GUILDHALL_DEMO=0', async () => {
      await setup({ GUILDHALL_DEMO: '0' });
      const s = await startServer(t.config, captureIo());
      await s.close();
      expect(s.seeded).toBeNull();
      expect(await rows(db(), 'users')).toBe(0);
    });
  });
});
