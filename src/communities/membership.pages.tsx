import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../core/deps.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { canChangeRoles, canManageMembers, type Actor } from '../core/permissions/index.ts';
import { communityErrors } from './communities.errors.ts';
import { formIssues, issuesOf } from './communities.form.ts';
import { loadCommunity, requireActor, requireReadable, type Found } from './communities.guard.ts';
import { communityDetail } from './communities.read.ts';
import { SlugParams } from './communities.schema.ts';
import { MembersPage } from './members.views.tsx';
import { IdParams, InviteBody, RequestBody, RoleBody, SlugIdParams, SlugUserParams } from './membership.schema.ts';
import { changeRole, joinCommunity, leaveCommunity, removeMember } from './membership.service.ts';
import { listMembers } from './membership.store.ts';
import { acceptInvitation, declineInvitation, decideJoinRequest, inviteMember, requestToJoin } from './requests.service.ts';
import { listPendingInvitations, listPendingRequests } from './requests.store.ts';
import { InvitationsPage, RequestsPage } from './requests.views.tsx';

const PAGE_SIZE = 50;
const CursorQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });

/** Server-rendered membership pages and the form posts behind their buttons. */
export async function membershipPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  const signedIn = async (req: FastifyRequest, slug: string): Promise<{ actor: Actor; found: Found }> => {
    const actor = requireActor(req.actor);
    return { actor, found: await loadCommunity(deps.db, slug, actor) };
  };
  const done = (reply: FastifyReply, message: string, to: string) => reply.flash(message).redirect(to, 303);

  r.post('/c/:slug/join', { schema: { params: SlugParams } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    await joinCommunity(deps, actor, found);
    return done(reply, `Welcome to ${found.community.name}.`, `/c/${found.community.slug}`);
  });

  r.post('/c/:slug/leave', { schema: { params: SlugParams } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    await leaveCommunity(deps, actor, found);
    return done(reply, `You have left ${found.community.name}.`, `/c/${found.community.slug}`);
  });

  r.post('/c/:slug/request', { schema: { params: SlugParams, body: RequestBody } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    await requestToJoin(deps, actor, found, req.body.message ?? '');
    return done(reply, 'Your request is sent. A steward will answer it.', `/c/${found.community.slug}`);
  });

  async function renderMembers(req: FastifyRequest, reply: FastifyReply, slug: string, cursor: string | undefined, invite: { username: string; issues: FieldIssue[] }, status = 200) {
    const found = await loadCommunity(deps.db, slug, req.actor);
    requireReadable(req.actor, found);
    const rows = await listMembers(deps.db, found.community.id, { limit: PAGE_SIZE + 1, after: decodeCursor(cursor) });
    const page = paginate(rows, PAGE_SIZE, (m) => ({ v: m.username, id: m.userId }));
    const c = await communityDetail(deps, req.actor, found, { topics: 0, activity: 0 });
    const nextHref = page.nextCursor ? `/c/${c.slug}/members?cursor=${page.nextCursor}` : null;
    const mayChangeRoles = canChangeRoles(req.actor, found.access);
    return reply.page(`Members of ${c.name}`, <MembersPage ctx={reply.viewContext()} c={c} members={page.items} nextHref={nextHref} canChangeRoles={mayChangeRoles} invite={invite} />, { status });
  }

  r.get('/c/:slug/members', { schema: { params: SlugParams, querystring: CursorQuery } }, async (req, reply) =>
    renderMembers(req, reply, req.params.slug, req.query.cursor, { username: '', issues: [] }));

  r.post('/c/:slug/invitations', { attachValidation: true, schema: { params: SlugParams, body: InviteBody } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    const username = typeof (req.body as { username?: unknown } | undefined)?.username === 'string' ? (req.body as { username: string }).username : '';
    const schemaIssues = formIssues(req);
    if (schemaIssues) {
      requireReadable(actor, found);
      if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can invite people.');
      return renderMembers(req, reply, req.params.slug, undefined, { username, issues: schemaIssues }, 400);
    }
    try {
      const inv = await inviteMember(deps, actor, found, username);
      return done(reply, `${inv.invitee.displayName} is invited.`, `/c/${found.community.slug}/members`);
    } catch (err) {
      const problem = issuesOf(err);
      if (problem) return renderMembers(req, reply, req.params.slug, undefined, { username, issues: problem.issues }, problem.status);
      throw err;
    }
  });

  r.post('/c/:slug/members/:username/role', { schema: { params: SlugUserParams, body: RoleBody } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    const m = await changeRole(deps, actor, found, req.params.username, req.body.role);
    return done(reply, `${m.displayName} is now a ${m.role}.`, `/c/${found.community.slug}/members`);
  });

  r.post('/c/:slug/members/:username/remove', { schema: { params: SlugUserParams } }, async (req, reply) => {
    const { actor, found } = await signedIn(req, req.params.slug);
    await removeMember(deps, actor, found, req.params.username);
    return done(reply, `${req.params.username} is no longer a member.`, `/c/${found.community.slug}/members`);
  });

  r.get('/c/:slug/requests', { schema: { params: SlugParams, querystring: CursorQuery } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    const { actor, found } = await signedIn(req, req.params.slug);
    requireReadable(actor, found);
    if (!canManageMembers(actor, found.access)) throw communityErrors.forbidden('Only stewards and moderators can see join requests.');
    const rows = await listPendingRequests(deps.db, found.community.id, { limit: PAGE_SIZE + 1, after: decodeCursor(req.query.cursor) });
    const page = paginate(rows, PAGE_SIZE, (x) => ({ v: x.id, id: x.id }));
    const c = await communityDetail(deps, actor, found, { topics: 0, activity: 0 });
    const nextHref = page.nextCursor ? `/c/${c.slug}/requests?cursor=${page.nextCursor}` : null;
    return reply.page(`Join requests for ${c.name}`, <RequestsPage ctx={reply.viewContext()} c={c} requests={page.items} nextHref={nextHref} />);
  });

  for (const [action, decision] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    r.post(`/c/:slug/requests/:id/${action}`, { schema: { params: SlugIdParams } }, async (req, reply) => {
      const { actor, found } = await signedIn(req, req.params.slug);
      const request = await decideJoinRequest(deps, actor, found, req.params.id, decision);
      const message = decision === 'approved' ? `${request.user.displayName} is now a member.` : `The request from ${request.user.displayName} is declined.`;
      return done(reply, message, `/c/${found.community.slug}/requests`);
    });
  }

  r.get('/invitations', async (req, reply) => {
    if (!req.actor) return reply.redirect('/signin?next=%2Finvitations', 303);
    const invitations = await listPendingInvitations(deps.db, req.actor.id);
    return reply.page('Invitations', <InvitationsPage ctx={reply.viewContext()} invitations={invitations} />);
  });

  r.post('/invitations/:id/accept', { schema: { params: IdParams } }, async (req, reply) => {
    const state = await acceptInvitation(deps, requireActor(req.actor), req.params.id);
    return done(reply, 'Welcome! You are now a member.', `/c/${state.slug}`);
  });

  r.post('/invitations/:id/decline', { schema: { params: IdParams } }, async (req, reply) => {
    await declineInvitation(deps, requireActor(req.actor), req.params.id);
    return done(reply, 'Invitation declined.', '/invitations');
  });
}
