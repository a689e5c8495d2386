import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { registerUser } from '../accounts/accounts.service.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/http/errors.ts';
import { withDatabase } from './database.ts';
import { EXIT, type CliIo } from './io.ts';

const ADMIN_USAGE = 'Usage: guildhall admin create --email <email> --username <name> [--name <display name>] [--password <password>]\n';

/** The command-line flag for each field registerUser may name in an error. */
const FLAG: Record<string, string> = { username: '--username', email: '--email', displayName: '--name', password: '--password' };

/** A password of 20 URL-safe characters (120 bits), for admins made without --password. */
export function generatePassword(): string {
  return crypto.randomBytes(15).toString('base64url');
}

/**
 * `guildhall admin create`: makes an organisation admin through the same rules as sign-up
 * (registerUser). Exit 2 for a wrong command line, 1 for a bad or already-used value (nothing
 * written), 0 when created; prints the password when it generated one.
 */
export async function adminCommand(config: Config, io: CliIo, args: string[], clock: Clock = systemClock): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    io.err.write(sub ? `guildhall admin: unknown subcommand "${sub}"\n` : 'guildhall admin: say what to do\n');
    io.err.write(ADMIN_USAGE);
    return EXIT.usage;
  }
  let values: { email?: string; username?: string; name?: string; password?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err.write(`guildhall admin create: ${(err as Error).message}\n${ADMIN_USAGE}`);
    return EXIT.usage;
  }
  const missing = (['email', 'username'] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    io.err.write(`guildhall admin create: ${missing.map((k) => `--${k}`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required\n${ADMIN_USAGE}`);
    return EXIT.usage;
  }
  const generated = values.password === undefined;
  const password = values.password ?? generatePassword();
  const input = { email: values.email!, username: values.username!, displayName: values.name ?? values.username!, password };

  try {
    const user = await withDatabase(config, (db) => registerUser({ db, clock }, input, { role: 'admin' }));
    io.out.write(`Created organisation admin "${user.username}" <${user.email}>.\n`);
    if (generated) io.out.write(`Password (shown once, change it in Settings): ${password}\n`);
    io.out.write(`Sign in at ${config.baseUrl}/signin\n`);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    io.err.write(`guildhall admin create: nothing was created.\n`);
    const details = err.details.length > 0 ? err.details : [{ field: '', message: err.message }];
    for (const d of details) io.err.write(`  ${FLAG[d.field] ? `${FLAG[d.field]}: ` : ''}${d.message}\n`);
    return EXIT.failed;
  }
}
