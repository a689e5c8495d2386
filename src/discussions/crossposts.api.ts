import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { CommunityRefSchema, errorResponses, TopicIdParams } from './discussions.schema.ts';
import { requireSignedIn, tags } from './discussions.http.ts';
import { addCrosspost, removeCrosspost } from './crossposts.service.ts';

/** The JSON API of cross-posting a topic into other communities under /api/v1. */
export async function crosspostsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/v1/topics/:id/crossposts',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Cross-post a topic into another community you are a member of (the topic’s author or a steward); it stays one thread',
        params: TopicIdParams,
        body: Type.Object({ community: Type.String({ minLength: 1, maxLength: 100, description: 'The slug of the community to cross-post into.' }) }),
        response: { 201: Type.Object({ topicId: Type.Integer(), community: CommunityRefSchema }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const community = await addCrosspost(deps, req.actor, req.params.id, req.body.community);
      return reply.status(201).send({ topicId: req.params.id, community });
    },
  );

  r.delete(
    '/api/v1/topics/:id/crossposts/:slug',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Remove a topic from another community’s lists (its author, a home steward, or that community’s stewards and moderators)',
        params: Type.Object({ ...TopicIdParams.properties, slug: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeCrosspost(deps, req.actor, req.params.id, req.params.slug);
      return reply.status(204).send(null);
    },
  );
}
