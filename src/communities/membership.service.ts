import { recordActivity } from '../core/activity.ts';
import type { CommunityRole } from '../core/db/schema.ts';
import type { Db } from '../core/db/index.ts';
import type { Deps } from '../core/deps.ts';
import { canChangeRoles, canJoinDirectly, canManageMembers, type Actor } from '../core/permissions/index.ts';
import { communityErrors } from './communities.errors.ts';
import { requireReadable, type Found } from './communities.guard.ts';
import { countStewards, deleteMembership, findMember, insertMembership, lockCommunity, memberCount, updateRole, type MemberRow } from './membership.store.ts';
import { decideInvitations, findPendingInvitation, withdrawPendingRequests } from './requests.store.ts';

/** The actor's place in a community after a membership act. */
export interface MembershipState {
  role: CommunityRole | null;
  memberCount: number;
}

/**
 * Makes `userId` a member inside the caller's transaction: the membership, member_count, closing
 * their pending invitations (accepted) and requests (withdrawn), and a 'community.joined' row.
 * Returns false when they already were a member (nothing written).
 */
export async function addMember(tx: Db, communityId: number, userId: number, via: string, at: string): Promise<boolean> {
  if (!(await insertMembership(tx, communityId, userId, 'member', at))) return false;
  await decideInvitations(tx, communityId, userId, 'accepted', at);
  await withdrawPendingRequests(tx, communityId, userId, at);
  await recordActivity(tx, { actorId: userId, verb: 'community.joined', communityId, subjectType: 'user', subjectId: userId, data: { via }, at });
  return true;
}

/**
 * Joins the community: directly when canJoinDirectly (open policy, or an org admin), or with a
 * pending invitation under any policy. Throws 409 if already a member, 403 when a request or an
 * invitation is needed.
 */
export async function joinCommunity(deps: Deps, actor: Actor, found: Found): Promise<MembershipState> {
  const { community, access } = found;
  if (access.role) throw communityErrors.alreadyMember();
  const invited = await findPendingInvitation(deps.db, community.id, actor.id);
  if (!invited && !canJoinDirectly(actor, access)) {
    throw communityErrors.forbidden(
      access.joinPolicy === 'approval' ? 'This community asks new members to request to join; send a request instead.' : 'This community is joined by invitation only.',
    );
  }
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (!(await addMember(tx, community.id, actor.id, invited ? 'invitation' : 'join', at))) throw communityErrors.alreadyMember();
    return { role: 'member', memberCount: await memberCount(tx, community.id) };
  });
}

/** Removes a member, refusing (409) to remove the last steward. Runs inside the caller's transaction. */
async function dropMember(tx: Db, communityId: number, member: MemberRow): Promise<void> {
  await lockCommunity(tx, communityId);
  if (member.role === 'steward' && (await countStewards(tx, communityId)) <= 1) throw communityErrors.lastSteward();
  await deleteMembership(tx, communityId, member.userId);
}

/** Leaves the community. Throws 409 when not a member, or when the actor is its last steward. */
export async function leaveCommunity(deps: Deps, actor: Actor, found: Found): Promise<MembershipState> {
  const { community } = found;
  const me = await findMember(deps.db, community.id, actor.username);
  if (!me) throw communityErrors.notMember();
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    await dropMember(tx, community.id, me);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.left', communityId: community.id, subjectType: 'user', subjectId: actor.id, at });
    return { role: null, memberCount: await memberCount(tx, community.id) };
  });
}

async function requireMember(deps: Deps, found: Found, username: string): Promise<MemberRow> {
  const member = await findMember(deps.db, found.community.id, username);
  if (!member) throw communityErrors.memberNotFound(username);
  return member;
}

/**
 * Removes someone from the community (stewards, moderators, admins). Moderators may not remove
 * stewards (403); the last steward cannot be removed (409); 404 when they are not a member.
 */
export async function removeMember(deps: Deps, actor: Actor, found: Found, username: string): Promise<void> {
  requireReadable(actor, found);
  if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can remove members.');
  const member = await requireMember(deps, found, username);
  if (member.role === 'steward' && !canChangeRoles(actor, found.access)) throw communityErrors.forbidden('Moderators cannot remove stewards.');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await dropMember(tx, found.community.id, member);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.member_removed', communityId: found.community.id, subjectType: 'user', subjectId: member.userId, data: { username }, at });
  });
}

/**
 * Changes a member's role (stewards and admins). Demoting the last steward is a 409; 404 when they
 * are not a member. Returns the member as they are now.
 */
export async function changeRole(deps: Deps, actor: Actor, found: Found, username: string, role: CommunityRole): Promise<MemberRow> {
  requireReadable(actor, found);
  if (!canChangeRoles(actor, found.access)) throw communityErrors.forbidden('Only stewards can change roles.');
  const member = await requireMember(deps, found, username);
  if (member.role === role) return member;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await lockCommunity(tx, found.community.id);
    if (member.role === 'steward' && (await countStewards(tx, found.community.id)) <= 1) throw communityErrors.lastSteward();
    await updateRole(tx, found.community.id, member.userId, role);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.role_changed', communityId: found.community.id, subjectType: 'user', subjectId: member.userId, data: { username, from: member.role, to: role }, at });
  });
  return { ...member, role };
}
