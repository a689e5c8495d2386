import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { decodeCursor, paginate } from '../core/http/pagination.ts';
import { discussionBodies, errorResponses, PostListQuery, PostListSchema, PostSchema, TopicIdParams, TopicSchema, SlugParams } from './discussions.schema.ts';
import { requireSignedIn, tags } from './discussions.http.ts';
import { findReadableTopic } from './discussions.service.ts';
import { replyToTopic, startTopic } from './posting.service.ts';
import { listPosts, postCursor } from './posts.store.ts';
import { markTopicRead } from './read-state.service.ts';
import { postDto, topicDto, visiblePosts } from './topic-dto.ts';

/** The JSON API of topics and their posts under /api/v1. */
export async function discussionsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { CreateTopicBody, ReplyBody } = discussionBodies(deps.config.limits);

  r.post(
    '/api/v1/communities/:slug/topics',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Start a topic (members only), with tags and cross-posts to other communities you are a member of',
        params: SlugParams,
        body: CreateTopicBody,
        response: { 201: TopicSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const { topicId } = await startTopic(deps, req.actor, req.params.slug, { kind: b.kind ?? 'discussion', title: b.title, body: b.body, tags: b.tags, crossPostTo: b.crossPostTo });
      const { topic, access } = await findReadableTopic(deps, req.actor, topicId);
      return reply.status(201).send(await topicDto(deps, req.actor, access, topic));
    },
  );

  r.get(
    '/api/v1/topics/:id',
    {
      schema: { tags, summary: 'Get a topic with its opening post', params: TopicIdParams, response: { 200: TopicSchema, ...errorResponses(400, 404) } },
    },
    async (req) => {
      const { topic, access } = await findReadableTopic(deps, req.actor, req.params.id);
      return topicDto(deps, req.actor, access, topic);
    },
  );

  r.get(
    '/api/v1/topics/:id/posts',
    {
      schema: {
        tags,
        summary: 'List the posts of a topic: the opening post, then the accepted answer, then the rest (answers by votes by default, replies by time)',
        params: TopicIdParams,
        querystring: PostListQuery,
        response: { 200: PostListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { topic, access } = await findReadableTopic(deps, req.actor, req.params.id);
      const limit = req.query.limit ?? 20;
      const sort = req.query.sort ?? (topic.kind === 'question' ? 'votes' : 'time');
      const acceptedId = topic.acceptedPostId;
      const rows = await listPosts(deps.db, topic.id, { limit: limit + 1, after: decodeCursor(req.query.cursor), sort, acceptedId });
      const { items, nextCursor } = paginate(rows, limit, (p) => postCursor(p, acceptedId, sort));
      return { items: await visiblePosts(deps, items, access), nextCursor };
    },
  );

  r.post(
    '/api/v1/topics/:id/posts',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Reply to a topic, or answer a question (members only; 409 when the topic is locked)',
        params: TopicIdParams,
        body: ReplyBody,
        response: { 201: PostSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const { post, access } = await replyToTopic(deps, req.actor, req.params.id, req.body.body);
      return reply.status(201).send(postDto(post, access));
    },
  );

  r.put(
    '/api/v1/topics/:id/read',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Mark a topic read up to its last post (lists then count new posts from there)',
        params: TopicIdParams,
        body: Type.Optional(Type.Object({})),
        response: { 200: Type.Object({ topicId: Type.Integer(), lastReadPostId: Type.Integer() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ topicId: req.params.id, lastReadPostId: await markTopicRead(deps, req.actor, req.params.id) }),
  );
}
