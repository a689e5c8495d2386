import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import type { Actor } from '../core/permissions/index.ts';
import { lastAdminCannotStepDown } from './admin.errors.ts';
import { countAdmins, findUser, lockAdminRows, setUserRole, type AdminUser, type OrgRole } from './admin.store.ts';

/**
 * Changes a user's organisation role and records 'user.role_changed', in one transaction. The caller
 * has checked `actor` is an admin. Asking for the role the user already has changes nothing and
 * reports `changed: false`. Throws 404 for an unknown user and 409 when the last admin would step down.
 */
export async function changeUserRole(deps: Deps, actor: Actor, userId: number, role: OrgRole): Promise<{ user: AdminUser; changed: boolean }> {
  const at = iso(deps.clock.now());
  return deps.db.transaction().execute(async (tx) => {
    await lockAdminRows(tx);
    const user = await findUser(tx, userId);
    if (!user) throw notFound('User');
    if (user.role === role) return { user, changed: false };
    if (user.role === 'admin' && (await countAdmins(tx)) <= 1) throw lastAdminCannotStepDown();
    await setUserRole(tx, userId, role, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'user.role_changed', subjectType: 'user', subjectId: userId, data: { from: user.role, to: role }, at });
    return { user: { ...user, role }, changed: true };
  });
}
