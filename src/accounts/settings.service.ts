import { recordActivity } from '../core/activity.ts';
import { indexUser } from '../search/search.index.ts';
import type { Deps } from '../core/deps.ts';
import { badRequest, notFound } from '../core/http/errors.ts';
import { wrongCurrentPassword } from './accounts.errors.ts';
import { passwordProblem, profileIssues } from './accounts.rules.ts';
import type { ProfilePatch } from './accounts.schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.store.ts';
import { findUserById, updatePasswordHash, updateUserProfile, type UserRow } from './users.store.ts';

type Ctx = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Trims the text fields of a patch (the bio keeps its inner layout, only its ends are trimmed). */
function trimmed(p: ProfilePatch): ProfilePatch {
  const out: ProfilePatch = {};
  for (const k of ['displayName', 'bio', 'discipline', 'location', 'timeZone'] as const) {
    const v = p[k];
    if (v !== undefined) out[k] = v.trim();
  }
  return out;
}

/** More of the profile to write in the same transaction (the professional profile of src/people/profiles), already checked. */
export interface ProfileExtra {
  fields: string[];
  write(tx: Ctx['db'], at: string): Promise<void>;
}

/**
 * Updates the profile fields given (and `extra`, in the same transaction) and records
 * `profile.updated` with the names of the fields that changed. Throws 400 naming each bad field
 * (nothing written).
 */
export async function updateProfile(ctx: Ctx, userId: number, patch: ProfilePatch, extra?: ProfileExtra): Promise<UserRow> {
  const p = trimmed(patch);
  const issues = profileIssues(p, ctx.config.limits.bioMax);
  if (issues.length > 0) throw badRequest(issues.map((i) => i.message).join('; '), issues);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    if (extra) await extra.write(tx, at);
    const user = await updateUserProfile(tx, userId, p, at);
    await indexUser(tx, userId);
    await recordActivity(tx, { actorId: userId, verb: 'profile.updated', subjectType: 'user', subjectId: userId, data: { fields: [...Object.keys(p), ...(extra?.fields ?? [])] }, at });
    return user;
  });
}

/**
 * Changes the password after checking the current one, and ends every other session of the user
 * (the one making the change, `keepSessionId`, stays signed in). Throws 400 naming
 * `currentPassword` or `newPassword`.
 */
export async function changePassword(ctx: Ctx, userId: number, current: string, next: string, keepSessionId: string | null): Promise<void> {
  const problem = passwordProblem(next, 'New password');
  if (problem) throw badRequest(problem, [{ field: 'newPassword', message: problem }]);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.password_hash, current))) throw wrongCurrentPassword();
  const hash = await hashPassword(next);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, userId, hash, at);
    await deleteUserSessions(tx, userId, keepSessionId);
    await recordActivity(tx, { actorId: userId, verb: 'user.password_changed', subjectType: 'user', subjectId: userId, at });
  });
}
