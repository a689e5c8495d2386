import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../core/http/pagination.ts';
import { idOf, str, TopicPageParams } from '../../discussions/discussions.http.ts';
import { readableCommunity } from '../../knowledge/articles/articles.service.ts';
import { responseTargetOf, setResponseTarget } from './escalation.ts';
import { declineInvitation, findRoutableQuestion, inviteToAnswer, rankForQuestion } from './routing.service.ts';
import { listOpenInvitations } from './routing.store.ts';
import { InvitePage, MyInvitationsPage, RoutingSettingsPage } from './routing.views.tsx';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
const fields = (body: unknown) => (body ?? {}) as Record<string, unknown>;
const signIn = (req: FastifyRequest, reply: FastifyReply) => reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);

/** The routing pages: invite to answer (from the topic page's box or by name), my invitations, response target settings. */
export async function routingPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** An open question the actor may route, at its address (404 when the address names another community). */
  async function questionAt(req: FastifyRequest, slug: string, rawId: string) {
    const found = await findRoutableQuestion(deps, req.actor, idOf(rawId));
    if (found.topic.community.slug !== slug) throw notFound('Topic');
    return found;
  }

  async function invitePage(reply: FastifyReply, found: Awaited<ReturnType<typeof questionAt>>, username: string, issues: AppError['details'], status: number) {
    const items = await rankForQuestion(deps.db, found.topic, deps.clock.now(), 20);
    return reply.page(`Invite to answer · ${found.topic.title}`, <InvitePage ctx={reply.viewContext()} community={found.topic.community} topic={found.topic} items={items} username={username} issues={issues} />, { status });
  }

  r.get('/c/:slug/t/:id/invite', { schema: { params: TopicPageParams } }, async (req, reply) => {
    if (!req.actor) return signIn(req, reply);
    return invitePage(reply, await questionAt(req, req.params.slug, req.params.id), '', [], 200);
  });

  r.post('/c/:slug/t/:id/invitations', { schema: { params: TopicPageParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to invite people to answer.');
    const found = await questionAt(req, req.params.slug, req.params.id);
    const username = str(fields(req.body).username);
    try {
      const inv = await inviteToAnswer(deps, req.actor, found.topic.id, username);
      reply.flash(`${inv.invitee.displayName} is invited to answer.`);
      return reply.redirect(`/c/${found.topic.community.slug}/t/${found.topic.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError && (err.status === 400 || err.status === 409))) throw err;
      const issues = err.details.length > 0 ? err.details : [{ field: 'username', message: err.message }];
      return invitePage(reply, found, username, issues, err.status);
    }
  });

  r.get('/me/answer-invitations', { schema: { querystring: ListQuery } }, async (req, reply) => {
    if (!req.actor) return signIn(req, reply);
    const rows = await listOpenInvitations(deps.db, req.actor.id, { limit: 21, afterId: decodeCursor(req.query.cursor)?.id });
    const items = rows.slice(0, 20);
    const last = items.at(-1);
    const nextHref = rows.length > 20 && last ? `/me/answer-invitations?cursor=${encodeCursor({ v: last.id, id: last.id })}` : null;
    return reply.page('Invitations to answer', <MyInvitationsPage ctx={reply.viewContext()} items={items} nextHref={nextHref} />);
  });

  r.post('/me/answer-invitations/:id/decline', { schema: { params: IdParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to answer invitations.');
    await declineInvitation(deps, req.actor, idOf(req.params.id, 'Invitation'));
    reply.flash('You declined the invitation. Thank you for saying so.');
    return reply.redirect('/me/answer-invitations', 303);
  });

  r.get('/c/:slug/settings/routing', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return signIn(req, reply);
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    if (access.role !== 'steward') throw forbidden('Only stewards may change the response target.');
    const t = await responseTargetOf(deps.db, community.id);
    return reply.page(`Question routing · ${community.name}`, <RoutingSettingsPage ctx={reply.viewContext()} community={community} value={String(t.responseTargetHours)} isDefault={t.isDefault} issues={[]} />);
  });

  r.post('/c/:slug/settings/routing', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to change settings.');
    const { community, access } = await readableCommunity(deps, req.actor, req.params.slug);
    const raw = str(fields(req.body).responseTargetHours).trim();
    try {
      await setResponseTarget(deps, req.actor, community, access, /^\d{1,6}$/.test(raw) ? Number(raw) : NaN);
      reply.flash('The response target is saved.');
      return reply.redirect(`/c/${community.slug}/settings/routing`, 303);
    } catch (err) {
      if (!(err instanceof AppError && err.status === 400)) throw err;
      return reply.page(`Question routing · ${community.name}`, <RoutingSettingsPage ctx={reply.viewContext()} community={community} value={raw} isDefault={false} issues={err.details} />, { status: 400 });
    }
  });
}
