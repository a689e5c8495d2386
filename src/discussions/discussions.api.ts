import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import { decodeCursor, PageQuery, paginate } from '../core/http/pagination.ts';
import {
  discussionBodies,
  errorResponses,
  PostListSchema,
  PostSchema,
  SlugParams,
  TopicIdParams,
  TopicListQuery,
  TopicListSchema,
  TopicSchema,
} from './discussions.schema.ts';
import { findReadableCommunity, findReadableTopic, replyToTopic, startTopic } from './discussions.service.ts';
import { findOpeningPost, listPosts } from './posts.store.ts';
import { listLatestTopics, type TopicWithCommunity } from './topics.store.ts';

const tags = ['discussions'];

/** Answers 401 before validation, so anonymous callers learn they must sign in whatever they sent. */
async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of discussions under /api/v1. */
export async function discussionsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateTopicBody, ReplyBody } = discussionBodies(deps.config.limits);

  async function topicDto(topic: TopicWithCommunity) {
    const opening = await findOpeningPost(deps.db, topic.id);
    return { ...topic, body: opening?.body ?? '' };
  }

  r.get(
    '/api/v1/communities/:slug/topics',
    {
      schema: {
        tags,
        summary: 'List topics of a community, latest activity first',
        params: SlugParams,
        querystring: TopicListQuery,
        response: { 200: TopicListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { community } = await findReadableCommunity(deps, req.actor, req.params.slug);
      const limit = req.query.limit ?? 20;
      const rows = await listLatestTopics(deps.db, community.id, { limit: limit + 1, after: decodeCursor(req.query.cursor), kind: req.query.kind });
      return paginate(rows, limit, (t) => ({ v: t.lastPostedAt, id: t.id }));
    },
  );

  r.post(
    '/api/v1/communities/:slug/topics',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Start a topic (members only)',
        params: SlugParams,
        body: CreateTopicBody,
        response: { 201: TopicSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { topicId } = await startTopic(deps, req.actor, req.params.slug, { kind: req.body.kind ?? 'discussion', title: req.body.title, body: req.body.body });
      const { topic } = await findReadableTopic(deps, req.actor, topicId);
      return reply.status(201).send(await topicDto(topic));
    },
  );

  r.get(
    '/api/v1/topics/:id',
    {
      schema: { tags, summary: 'Get a topic with its opening post', params: TopicIdParams, response: { 200: TopicSchema, ...errorResponses(400, 404) } },
    },
    async (req) => {
      const { topic } = await findReadableTopic(deps, req.actor, req.params.id);
      return topicDto(topic);
    },
  );

  r.get(
    '/api/v1/topics/:id/posts',
    {
      schema: {
        tags,
        summary: 'List the posts of a topic, oldest first (the opening post is the first)',
        params: TopicIdParams,
        querystring: PageQuery,
        response: { 200: PostListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { topic } = await findReadableTopic(deps, req.actor, req.params.id);
      const limit = req.query.limit ?? 20;
      const rows = await listPosts(deps.db, topic.id, { limit: limit + 1, after: decodeCursor(req.query.cursor) });
      return paginate(rows, limit, (p) => ({ v: p.id, id: p.id }));
    },
  );

  r.post(
    '/api/v1/topics/:id/posts',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Reply to a topic (members only)',
        params: TopicIdParams,
        body: ReplyBody,
        response: { 201: PostSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { post } = await replyToTopic(deps, req.actor, req.params.id, req.body.body);
      return reply.status(201).send(post);
    },
  );
}
