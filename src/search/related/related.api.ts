import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { relatedForTopic } from './related.service.ts';
import { errorResponses, RelatedQuery, RelatedSchema, SimilarBody, SlugParams, tags, TopicIdParams } from './related.schema.ts';
import type { RelatedItem } from './related.store.ts';
import { similarInCommunity } from './similar.service.ts';

const dto = (i: RelatedItem) => ({ type: i.kind, id: i.id, title: i.title, url: i.url, community: i.community.slug, solved: i.solved, reason: i.reason, score: i.score });

/** GET /api/v1/topics/:id/related and POST /api/v1/communities/:slug/similar. */
export async function relatedApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/topics/:id/related',
    { schema: { tags, summary: 'Topics and articles related to a topic (only what you may read; never the topic itself)', params: TopicIdParams, querystring: RelatedQuery, response: { 200: RelatedSchema, ...errorResponses(400, 404) } } },
    async (req) => ({ items: (await relatedForTopic(deps, req.actor, req.params.id, { limit: req.query.limit ?? 10, method: req.query.method })).map(dto) }),
  );

  r.post(
    '/api/v1/communities/:slug/similar',
    {
      onRequest: async (req) => {
        if (!req.actor) throw unauthenticated('Sign in to look for similar questions.');
      },
      schema: { tags, summary: 'Likely duplicates of a question being written (up to 5 topics of the community)', params: SlugParams, body: SimilarBody, response: { 200: RelatedSchema, ...errorResponses(400, 401, 404) } },
    },
    async (req) => ({ items: (await similarInCommunity(deps, req.actor, req.params.slug, req.body)).map(dto) }),
  );
}
