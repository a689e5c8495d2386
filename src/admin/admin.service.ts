import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { notFound } from '../core/http/errors.ts';
import type { AccountKind } from '../core/db/tables/analytics.ts';
import type { Actor } from '../core/permissions/index.ts';
import { lastAdminCannotStepDown } from './admin.errors.ts';
import { countAdmins, findUser, lockAdminRows, setAccountKind, setUserRole, type AdminUser, type OrgRole } from './admin.store.ts';

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

/**
 * Marks an account as a person, staff or a bot and records 'user.kind_changed' (data: from, to), in one
 * transaction. The caller has checked `actor` is an admin. The health figures read the kind when they
 * are computed, and the analytics refresh recomputes the rollups of the user's communities when it reads
 * the 'user.kind_changed' row. The kind it already has changes nothing (`changed: false`). Throws 404 for
 * an unknown user.
 */
export async function changeAccountKind(deps: Deps, actor: Actor, userId: number, kind: AccountKind): Promise<{ user: AdminUser; changed: boolean }> {
  const at = iso(deps.clock.now());
  return deps.db.transaction().execute(async (tx) => {
    const user = await findUser(tx, userId);
    if (!user) throw notFound('User');
    if (user.accountKind === kind) return { user, changed: false };
    await setAccountKind(tx, userId, kind, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'user.kind_changed', subjectType: 'user', subjectId: userId, data: { from: user.accountKind, to: kind }, at });
    return { user: { ...user, accountKind: kind }, changed: true };
  });
}
