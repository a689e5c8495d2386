import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { errorResponses } from '../discussions.schema.ts';
import { acceptAnswer, unacceptAnswer } from './accept.service.ts';
import { AcceptBody, AcceptedStateSchema, PostIdParams, TopicIdParams, VoteBody, VoteStateSchema } from './answers.schema.ts';
import { castVote, removeVote } from './votes.service.ts';

const tags = ['answers'];

/** Answers 401 before validation, so anonymous callers learn they must sign in whatever they sent. */
export async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of votes and accepted answers under /api/v1. */
export async function answersApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.put(
    '/api/v1/posts/:id/vote',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Vote a question or an answer up (1) or down (-1)',
        description:
          'One vote per member per post: voting again switches it. Members only; never on your own post (403), nor on a deleted post or in a locked topic (409); only questions and their answers take votes (400).',
        params: PostIdParams,
        body: VoteBody,
        response: { 200: VoteStateSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => castVote(deps, req.actor, req.params.id, req.body.value),
  );

  r.delete(
    '/api/v1/posts/:id/vote',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Take back your vote on a question or an answer',
        description: 'Without a vote this changes nothing and answers the current score.',
        params: PostIdParams,
        response: { 200: VoteStateSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => removeVote(deps, req.actor, req.params.id),
  );

  r.put(
    '/api/v1/topics/:id/accepted',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Accept an answer to a question (replacing any other)',
        description:
          "Who may accept follows the community's accept_by setting: the asker, stewards and moderators, or either. Only questions have accepted answers (400); the post must be a live answer to this question (400).",
        params: TopicIdParams,
        body: AcceptBody,
        response: { 200: AcceptedStateSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => acceptAnswer(deps, req.actor, req.params.id, req.body.postId),
  );

  r.delete(
    '/api/v1/topics/:id/accepted',
    {
      onRequest: requireSignedIn,
      schema: {
        tags,
        summary: 'Unaccept the accepted answer of a question',
        params: TopicIdParams,
        response: { 200: AcceptedStateSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => unacceptAnswer(deps, req.actor, req.params.id),
  );
}
