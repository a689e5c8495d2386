import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { canManageMembers, type Actor } from '../core/permissions/index.ts';
import { communityErrors } from './communities.errors.ts';
import { loadCommunity, requireActor, requireReadable } from './communities.guard.ts';
import { SlugParams, errors } from './communities.schema.ts';
import { IdParams, Invitation, InvitationList, InviteBody, JoinRequest, JoinRequestPage, ListQuery, MemberPage, Member, MembershipState, RequestBody, RoleBody, SlugIdParams, SlugUserParams } from './membership.schema.ts';
import { changeRole, joinCommunity, leaveCommunity, removeMember } from './membership.service.ts';
import { listMembers } from './membership.store.ts';
import { acceptInvitation, declineInvitation, decideJoinRequest, inviteMember, requestToJoin } from './requests.service.ts';
import { listPendingInvitations, listPendingRequests } from './requests.store.ts';

const tags = ['communities'];
const member = (m: { username: string; displayName: string; role: 'steward' | 'moderator' | 'member'; joinedAt: string }) => ({ username: m.username, displayName: m.displayName, role: m.role, joinedAt: m.joinedAt });

/** JSON API: joining, leaving, requests, invitations, members and roles. */
export async function membershipApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const signedIn = async (req: { actor: Actor | null }, slug: string) => {
    const actor = requireActor(req.actor);
    return { actor, found: await loadCommunity(deps.db, slug, actor) };
  };

  r.post('/api/v1/communities/:slug/join', {
    schema: { tags, summary: 'Join a community (open policy, an invitation, or as an org admin)', params: SlugParams, response: { 200: MembershipState, ...errors(401, 403, 404, 409) } },
  }, async (req) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    return joinCommunity(deps, actor, found);
  });

  r.post('/api/v1/communities/:slug/leave', {
    schema: { tags, summary: 'Leave a community (the last steward may not)', params: SlugParams, response: { 200: MembershipState, ...errors(401, 404, 409) } },
  }, async (req) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    return leaveCommunity(deps, actor, found);
  });

  r.post('/api/v1/communities/:slug/requests', {
    schema: { tags, summary: 'Ask to join a community whose policy is approval', params: SlugParams, body: RequestBody, response: { 201: JoinRequest, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    return reply.status(201).send(await requestToJoin(deps, actor, found, req.body.message ?? ''));
  });

  r.get('/api/v1/communities/:slug/requests', {
    schema: { tags, summary: 'Pending join requests (stewards and moderators)', params: SlugParams, querystring: ListQuery, response: { 200: JoinRequestPage, ...errors(400, 401, 403, 404) } },
  }, async (req) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    requireReadable(actor, found);
    if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can see join requests.');
    const limit = req.query.limit ?? 20;
    const rows = await listPendingRequests(deps.db, found.community.id, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
    return paginate(rows, limit, (x) => ({ v: x.id, id: x.id }));
  });

  for (const [action, decision] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    r.post(`/api/v1/communities/:slug/requests/:id/${action}`, {
      schema: { tags, summary: `${action === 'approve' ? 'Approve' : 'Reject'} a join request`, params: SlugIdParams, response: { 200: JoinRequest, ...errors(401, 403, 404, 409) } },
    }, async (req) => {
      const { actor, found } = await signedIn(req, req.params.slug);
      return decideJoinRequest(deps, actor, found, req.params.id, decision);
    });
  }

  r.post('/api/v1/communities/:slug/invitations', {
    schema: { tags, summary: 'Invite a person by username (stewards and moderators)', params: SlugParams, body: InviteBody, response: { 201: Invitation, ...errors(400, 401, 403, 404, 409) } },
  }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    return reply.status(201).send(await inviteMember(deps, actor, found, req.body.username));
  });

  r.get('/api/v1/me/invitations', {
    schema: { tags, summary: 'My pending invitations', response: { 200: InvitationList, ...errors(401) } },
  }, async (req) => ({ items: await listPendingInvitations(deps.db, requireActor(req.actor).id) }));

  r.post('/api/v1/invitations/:id/accept', {
    schema: { tags, summary: 'Accept an invitation (join, whatever the policy)', params: IdParams, response: { 200: MembershipState, ...errors(401, 404, 409) } },
  }, async (req) => {
    const { role, memberCount } = await acceptInvitation(deps, requireActor(req.actor), req.params.id);
    return { role, memberCount };
  });

  r.post('/api/v1/invitations/:id/decline', {
    schema: { tags, summary: 'Decline an invitation', params: IdParams, response: { 200: Invitation, ...errors(401, 404, 409) } },
  }, async (req) => declineInvitation(deps, requireActor(req.actor), req.params.id));

  r.get('/api/v1/communities/:slug/members', {
    schema: { tags, summary: 'Members with their roles, by username', params: SlugParams, querystring: ListQuery, response: { 200: MemberPage, ...errors(400, 403, 404) } },
  }, async (req) => {
    const found = await loadCommunity(deps.db, req.params.slug, req.actor);
    requireReadable(req.actor, found);
    const limit = req.query.limit ?? 20;
    const rows = await listMembers(deps.db, found.community.id, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
    const page = paginate(rows, limit, (m) => ({ v: m.username, id: m.userId }));
    return { items: page.items.map(member), nextCursor: page.nextCursor };
  });

  r.patch('/api/v1/communities/:slug/members/:username', {
    schema: { tags, summary: "Change a member's role (stewards and admins)", params: SlugUserParams, body: RoleBody, response: { 200: Member, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    return member(await changeRole(deps, actor, found, req.params.username, req.body.role));
  });

  r.delete('/api/v1/communities/:slug/members/:username', {
    schema: { tags, summary: 'Remove a member (moderators cannot remove stewards)', params: SlugUserParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } },
  }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    await removeMember(deps, actor, found, req.params.username);
    return reply.status(204).send(null);
  });
}
