import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { responseTargetOf, setResponseTarget } from './escalation.ts';
import { declineInvitation, inviteToAnswer, suggestAnswerers } from './routing.service.ts';
import { errorResponses, InvitationIdParams, InvitationListQuery, InvitationSchema, InviteBody, OpenInvitationListSchema, SlugParams, SuggestionListSchema, SuggestQuery, tags, TargetBody, TargetSchema, TopicIdParams } from './routing.schema.ts';
import { listOpenInvitations } from './routing.store.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of question routing under /api/v1. */
export async function routingApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/topics/:id/suggested-answerers', { onRequest: requireSignedIn, schema: { tags, summary: 'Members likely to answer an open question well, with reasons (the asker, stewards and moderators)', params: TopicIdParams, querystring: SuggestQuery, response: { 200: SuggestionListSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req) => {
    const list = await suggestAnswerers(deps, req.actor, req.params.id, req.query.limit ?? 10);
    return { items: list.map((s) => ({ user: s.user, score: s.score, reasons: s.reasons, invited: s.invitation === 'open' })) };
  });

  r.post('/api/v1/topics/:id/invitations', { onRequest: requireSignedIn, schema: { tags, summary: 'Invite a member to answer an open question; they are notified (the asker, stewards and moderators)', params: TopicIdParams, body: InviteBody, response: { 201: InvitationSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    const inv = await inviteToAnswer(deps, req.actor, req.params.id, req.body.username);
    return reply.status(201).send({ id: inv.id, topicId: inv.topic.id, invitee: inv.invitee, state: 'open' as const });
  });

  r.get('/api/v1/me/answer-invitations', { onRequest: requireSignedIn, schema: { tags, summary: 'Your open invitations to answer, newest first', querystring: InvitationListQuery, response: { 200: OpenInvitationListSchema, ...errorResponses(400, 401) } } }, async (req) => {
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const limit = req.query.limit ?? 20;
    const rows = await listOpenInvitations(deps.db, actor.id, { limit: limit + 1, afterId: decodeCursor(req.query.cursor)?.id });
    const { items, nextCursor } = paginate(rows, limit, (i) => ({ v: i.id, id: i.id }));
    return { items: items.map((i) => ({ id: i.id, topic: { id: i.topicId, title: i.title, url: `/c/${i.community.slug}/t/${i.topicId}` }, community: i.community, invitedBy: i.invitedBy, createdAt: i.createdAt })), nextCursor };
  });

  r.post('/api/v1/answer-invitations/:id/decline', { onRequest: requireSignedIn, schema: { tags, summary: 'Decline an invitation to answer (the invitee only); it no longer counts against you', params: InvitationIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 409) } } }, async (req, reply) => {
    await declineInvitation(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/communities/:slug/routing', { schema: { tags, summary: 'A community’s response target (hours before an unanswered question is escalated)', params: SlugParams, response: { 200: TargetSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    return responseTargetOf(deps.db, community.id);
  });

  r.put('/api/v1/communities/:slug/routing', { onRequest: requireSignedIn, schema: { tags, summary: 'Set the community’s response target (stewards)', params: SlugParams, body: TargetBody, response: { 200: TargetSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) => {
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const { community, access } = await readableCommunity(deps, actor, req.params.slug);
    await setResponseTarget(deps, actor, community, access, req.body.responseTargetHours);
    return responseTargetOf(deps.db, community.id);
  });
}
