import { recordActivity } from '../core/activity.ts';
import type { Deps } from '../core/deps.ts';
import { badRequest } from '../core/http/errors.ts';
import { invalidResetToken } from './accounts.errors.ts';
import { normalizeEmail, passwordProblem } from './accounts.rules.ts';
import { hashPassword } from './passwords.ts';
import { claimReset, findLiveReset, insertPasswordReset, retireUserResets } from './password-reset.store.ts';
import { deleteUserSessions, hashToken, newSecret } from './sessions.store.ts';
import { findUserByEmail, updatePasswordHash } from './users.store.ts';

/** How long a reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;

type Ctx = Pick<Deps, 'db' | 'clock' | 'config' | 'mail' | 'log'>;

/**
 * When an account uses this email, stores a single-use token (its hash only) and mails a link.
 * Returns nothing either way, so callers answer the same whether or not the account exists.
 * The mail goes out in the background; a failure is logged, not thrown, for the same reason.
 */
export async function requestPasswordReset(ctx: Ctx, rawEmail: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(rawEmail));
  if (!user) return;
  const token = newSecret();
  const now = ctx.clock.now();
  await insertPasswordReset(ctx.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
  });
  const link = `${ctx.config.baseUrl}/password/reset?token=${encodeURIComponent(token)}`;
  const text = [
    `Hello ${user.display_name},`,
    '',
    'Someone (we hope you) asked to reset the password of your Guildhall account',
    `@${user.username}. To choose a new password, open this link within one hour:`,
    '',
    link,
    '',
    'The link works once. If you did not ask for it, ignore this mail: your password stays as it is.',
  ].join('\n');
  // Not awaited: waiting for the mail server would make a known address answer slower than an
  // unknown one, which tells an attacker which emails have accounts.
  void ctx.mail.send({ to: user.email, subject: 'Reset your Guildhall password', text }).catch((err: unknown) => {
    ctx.log.error({ err, userId: user.id }, 'could not send the password reset mail');
  });
}

/** True when the token is live (for the reset page to decide whether to show the form). */
export async function isResetTokenLive(ctx: Pick<Deps, 'db' | 'clock'>, token: string): Promise<boolean> {
  return (await findLiveReset(ctx.db, hashToken(token), ctx.clock.now().toISOString())) !== undefined;
}

/**
 * Sets a new password with a live token, uses the token up, and ends ALL the user's sessions.
 * Throws 400 naming `password` for a bad password, or `token` for an unknown, used or expired one.
 */
export async function resetPassword(ctx: Pick<Deps, 'db' | 'clock'>, token: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
  const tokenHash = hashToken(token);
  const now = ctx.clock.now().toISOString();
  const live = await findLiveReset(ctx.db, tokenHash, now);
  if (!live) throw invalidResetToken();
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await claimReset(tx, tokenHash, now))) throw invalidResetToken();
    await retireUserResets(tx, live.userId, now);
    await updatePasswordHash(tx, live.userId, hash, now);
    await deleteUserSessions(tx, live.userId);
    await recordActivity(tx, { actorId: live.userId, verb: 'user.password_reset', subjectType: 'user', subjectId: live.userId, at: now });
  });
}
