import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { PageQuery } from '../core/http/pagination.ts';
import { errorResponses, SlugParams, StringEnum, TagSchema, TopicKindSchema, TopicListSchema } from './discussions.schema.ts';
import { requireSignedIn, tags } from './discussions.http.ts';
import { findReadableCommunity } from './discussions.service.ts';
import { listCommunityTopics, listMyTopics } from './lists.service.ts';
import { listViews, type ListView } from './lists.store.ts';
import { tagCounts } from './tags.store.ts';

/** Query of every topic list: view, kind and tag filters, cursor pagination. */
export const TopicListQuery = Type.Object({
  ...PageQuery.properties,
  view: Type.Optional(StringEnum<ListView>(listViews, { description: 'latest (all, by last activity), unanswered (open questions without answers) or solved.' })),
  kind: Type.Optional(TopicKindSchema),
  tag: Type.Optional(TagSchema),
});

const TagCountsSchema = Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) });

/** The JSON API of topic lists and tags under /api/v1. */
export async function listsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/communities/:slug/topics',
    {
      schema: {
        tags,
        summary: 'List a community’s topics (and topics cross-posted into it), latest activity first; filter by view, kind and tag',
        params: SlugParams,
        querystring: TopicListQuery,
        response: { 200: TopicListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { page } = await listCommunityTopics(deps, req.actor, req.params.slug, req.query);
      return { items: page.items, nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/me/topics',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'List the topics I started, in every community I may read, latest activity first',
        querystring: TopicListQuery,
        response: { 200: TopicListSchema, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      if (!req.actor) throw unauthenticated();
      const page = await listMyTopics(deps, req.actor, req.query);
      return { items: page.items, nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/communities/:slug/tags',
    {
      schema: {
        tags,
        summary: 'The tags on a community’s topics, with how many topics carry each, most used first',
        params: SlugParams,
        response: { 200: TagCountsSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { community } = await findReadableCommunity(deps, req.actor, req.params.slug);
      return { items: await tagCounts(deps.db, req.actor, community.id) };
    },
  );
}
