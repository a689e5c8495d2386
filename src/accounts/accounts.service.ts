import { recordActivity } from '../core/activity.ts';
import { indexUser } from '../search/search.index.ts';
import type { Clock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/index.ts';
import { badRequest } from '../core/http/errors.ts';
import { alreadyTaken } from './accounts.errors.ts';
import { normalizeEmail, signupIssues, type SignupInput } from './accounts.rules.ts';
import type { Me } from './accounts.schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findUserByEmail, findUserByUsername, insertUser, takenFields, type UserRow } from './users.store.ts';
import { isUniqueViolation } from '../core/db/errors.ts';

/** What account services need: a database and a clock; config only to read ADMIN_EMAILS. */
export interface AccountsCtx {
  db: Db;
  clock: Clock;
  config?: Pick<Config, 'adminEmails'>;
}

/** The user as they see themself (the only shape that includes the email). */
export function toMe(u: UserRow): Me {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    displayName: u.display_name,
    bio: u.bio,
    discipline: u.discipline,
    location: u.location,
    timeZone: u.time_zone,
    role: u.role,
    createdAt: u.created_at,
  };
}

/**
 * Creates an account and records `user.signed_up`. The role is `opts.role` when given (CLI, seed),
 * otherwise admin for an email listed in ADMIN_EMAILS and member for everyone else.
 * Throws 400 naming each bad field, or 409 naming `username` or `email` when already in use.
 */
export async function registerUser(ctx: AccountsCtx, input: SignupInput, opts: { role?: 'admin' | 'member' } = {}): Promise<UserRow> {
  const issues = signupIssues(input);
  if (issues.length > 0) throw badRequest(issues.map((i) => i.message).join('; '), issues);
  const username = input.username;
  const email = normalizeEmail(input.email);
  const taken = await takenFields(ctx.db, username, email);
  if (taken.username) throw alreadyTaken('username');
  if (taken.email) throw alreadyTaken('email');
  const passwordHash = await hashPassword(input.password);
  const role = opts.role ?? (ctx.config?.adminEmails.includes(email) ? 'admin' : 'member');
  const at = ctx.clock.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const user = await insertUser(tx, { username, email, passwordHash, displayName: input.displayName.trim(), role, at });
      await indexUser(tx, user.id);
      await recordActivity(tx, { actorId: user.id, verb: 'user.signed_up', subjectType: 'user', subjectId: user.id, data: { role }, at });
      return user;
    });
  } catch (err) {
    // Someone took the name between our check and the insert.
    if (!isUniqueViolation(err)) throw err;
    const again = await takenFields(ctx.db, username, email);
    throw alreadyTaken(again.username ? 'username' : 'email');
  }
}

/** The user whose username or email and password match, or null (one answer for every failure). */
export async function authenticate(db: Db, login: string, password: string): Promise<UserRow | null> {
  const key = login.trim().toLowerCase();
  const user = key.includes('@') ? await findUserByEmail(db, key) : await findUserByUsername(db, key);
  const ok = await verifyPassword(user?.password_hash, password);
  return ok && user ? user : null;
}
