import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notFound, unauthenticated } from '../core/http/errors.ts';
import { addCrosspost, removeCrosspost } from './crossposts.service.ts';
import { idOf, TopicPageParams } from './discussions.http.ts';
import { findReadableTopic } from './discussions.service.ts';

/** Form posts behind the topic page's cross-post panel. */
export async function crosspostsPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The topic id under this address; 401 anonymous, 404 unless readable and living in `slug`. */
  async function topicAt(actor: Parameters<typeof findReadableTopic>[1], slug: string, raw: string): Promise<number> {
    if (!actor) throw unauthenticated('Sign in to change cross-posts.');
    const id = idOf(raw);
    const { topic } = await findReadableTopic(deps, actor, id);
    if (topic.community.slug !== slug) throw notFound('Topic');
    return id;
  }

  r.post('/c/:slug/t/:id/crossposts', { schema: { params: TopicPageParams, body: Type.Object({ community: Type.String({ minLength: 1, maxLength: 100 }) }) } }, async (req, reply) => {
    const id = await topicAt(req.actor, req.params.slug, req.params.id);
    const target = await addCrosspost(deps, req.actor, id, req.body.community);
    reply.flash(`Cross-posted to ${target.name}.`);
    return reply.redirect(`/c/${req.params.slug}/t/${id}`, 303);
  });

  r.post('/c/:slug/t/:id/crossposts/:target/remove', { schema: { params: Type.Object({ ...TopicPageParams.properties, target: Type.String({ minLength: 1, maxLength: 100 }) }) } }, async (req, reply) => {
    const id = await topicAt(req.actor, req.params.slug, req.params.id);
    await removeCrosspost(deps, req.actor, id, req.params.target);
    reply.flash('The cross-post is removed.');
    return reply.redirect(`/c/${req.params.slug}/t/${id}`, 303);
  });
}
