import { recordActivity } from '../core/activity.ts';
import type { Deps } from '../core/deps.ts';
import { canManageMembers, type Actor } from '../core/permissions/index.ts';
import { communityErrors } from './communities.errors.ts';
import { requireReadable, type Found } from './communities.guard.ts';
import { addMember, type MembershipState } from './membership.service.ts';
import { findMember, findUserByUsername, memberCount } from './membership.store.ts';
import { decideInvitations, decideRequest, findInvitation, findPendingInvitation, findPendingRequest, findRequest, insertInvitation, insertRequest, type JoinRequestView } from './requests.store.ts';

/**
 * Asks to join a community whose policy is approval. Throws 409 when already a member, when the
 * community is open (join instead) or a request is already pending; 403 when it is invitation-only.
 */
export async function requestToJoin(deps: Deps, actor: Actor, found: Found, message: string): Promise<JoinRequestView> {
  const { community, access } = found;
  if (access.role) throw communityErrors.alreadyMember();
  if (access.joinPolicy === 'open') throw communityErrors.conflict('This community is open: join it directly, no request needed.');
  if (access.joinPolicy === 'invite') throw communityErrors.forbidden('This community is joined by invitation only.');
  if (await findPendingRequest(deps.db, community.id, actor.id)) throw communityErrors.conflict('You have already asked to join; the stewards will answer your request.');
  const at = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (tx) => {
    const requestId = await insertRequest(tx, community.id, actor.id, message.trim(), at);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.join_requested', communityId: community.id, subjectType: 'join_request', subjectId: requestId, at });
    return requestId;
  });
  return (await findRequest(deps.db, community.id, id))!;
}

/** Checks the actor may manage members here (404/403) and returns the pending request (404/409). */
export async function requirePendingRequest(deps: Deps, actor: Actor, found: Found, requestId: number): Promise<JoinRequestView> {
  requireReadable(actor, found);
  if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can answer join requests.');
  const request = await findRequest(deps.db, found.community.id, requestId);
  if (!request) throw communityErrors.requestNotFound();
  if (request.status !== 'pending') throw communityErrors.conflict(`This request was already ${request.status}.`);
  return request;
}

/**
 * Approves or rejects a pending join request (stewards, moderators, admins). Approving makes the
 * person a member. Records 'community.request_approved' / 'community.request_rejected'.
 */
export async function decideJoinRequest(deps: Deps, actor: Actor, found: Found, requestId: number, decision: 'approved' | 'rejected'): Promise<JoinRequestView> {
  const request = await requirePendingRequest(deps, actor, found, requestId);
  const at = deps.clock.now().toISOString();
  const communityId = found.community.id;
  await deps.db.transaction().execute(async (tx) => {
    if (!(await decideRequest(tx, request.id, decision, actor.id, at))) throw communityErrors.conflict('This request was already answered.');
    const verb = decision === 'approved' ? 'community.request_approved' : 'community.request_rejected';
    await recordActivity(tx, { actorId: actor.id, verb, communityId, subjectType: 'join_request', subjectId: request.id, data: { username: request.user.username }, at });
    if (decision === 'approved') await addMember(tx, communityId, request.user.id, 'request', at);
  });
  return { ...request, status: decision };
}

/**
 * Invites a person by username (stewards, moderators, admins). 400 naming `username` when no one has
 * it; 409 when they are already a member or already invited.
 */
export async function inviteMember(deps: Deps, actor: Actor, found: Found, username: string) {
  requireReadable(actor, found);
  if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can invite people.');
  const name = username.trim().replace(/^@/, '');
  const user = await findUserByUsername(deps.db, name);
  if (!user) throw communityErrors.userNotFound('username', name);
  const communityId = found.community.id;
  if (await findMember(deps.db, communityId, user.username)) throw communityErrors.conflict(`${user.username} is already a member.`);
  if (await findPendingInvitation(deps.db, communityId, user.id)) throw communityErrors.conflict(`${user.username} has already been invited.`);
  const at = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (tx) => {
    const invitationId = await insertInvitation(tx, communityId, user.id, actor.id, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.invited', communityId, subjectType: 'invitation', subjectId: invitationId, data: { username: user.username }, at });
    return invitationId;
  });
  return (await findInvitation(deps.db, id))!;
}

/** The actor's own pending invitation by id; 404 for anyone else's, 409 when already answered. */
async function requireOwnPendingInvitation(deps: Deps, actor: Actor, invitationId: number) {
  const inv = await findInvitation(deps.db, invitationId);
  if (!inv || inv.inviteeId !== actor.id) throw communityErrors.invitationNotFound();
  if (inv.status !== 'pending') throw communityErrors.conflict(`This invitation was already ${inv.status}.`);
  return inv;
}

/** Accepts the actor's invitation: they join under any join policy. */
export async function acceptInvitation(deps: Deps, actor: Actor, invitationId: number): Promise<MembershipState & { slug: string }> {
  const inv = await requireOwnPendingInvitation(deps, actor, invitationId);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    // Already a member (joined another way meanwhile): the invitation is simply used up.
    if (!(await addMember(tx, inv.communityId, actor.id, 'invitation', at))) await decideInvitations(tx, inv.communityId, actor.id, 'accepted', at);
    const role = (await findMember(tx, inv.communityId, actor.username))?.role ?? 'member';
    return { role, memberCount: await memberCount(tx, inv.communityId), slug: inv.community.slug };
  });
}

/** Declines the actor's invitation, recording 'community.invitation_declined'. */
export async function declineInvitation(deps: Deps, actor: Actor, invitationId: number) {
  const inv = await requireOwnPendingInvitation(deps, actor, invitationId);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await decideInvitations(tx, inv.communityId, actor.id, 'declined', at);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.invitation_declined', communityId: inv.communityId, subjectType: 'invitation', subjectId: inv.id, at });
  });
  return { ...inv, status: 'declined' as const };
}
