import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { PageQuery } from '../../core/http/pagination.ts';
import { errorResponses } from '../discussions.schema.ts';
import { requireSignedIn } from './answers.api.ts';
import { CommentBody, CommentDeletedSchema, CommentIdParams, CommentListSchema, CommentSchema, PostIdParams } from './answers.schema.ts';
import { addComment, commentsOf, deleteComment } from './comments.service.ts';

const tags = ['answers'];

/** The JSON API of comments on questions and answers under /api/v1. */
export async function commentsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'List the comments on a question or an answer, oldest first',
        params: PostIdParams,
        querystring: PageQuery,
        response: { 200: CommentListSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => commentsOf(deps, req.actor, req.params.id, { cursor: req.query.cursor, limit: req.query.limit ?? 20 }),
  );

  r.post(
    '/api/v1/posts/:id/comments',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Comment on a question or an answer (members only)',
        description: 'Short Markdown, at most 1000 characters. Not on deleted posts or in locked topics (409).',
        params: PostIdParams,
        body: CommentBody,
        response: { 201: CommentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addComment(deps, req.actor, req.params.id, req.body.body)),
  );

  r.delete(
    '/api/v1/comments/:id',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Delete a comment (its author, or a steward or moderator)',
        params: CommentIdParams,
        response: { 200: CommentDeletedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => deleteComment(deps, req.actor, req.params.id),
  );
}
