import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { errorResponses, TopicIdParams } from '../discussions.schema.ts';
import { CloseBody, MergeBody, MergeResultSchema, moderationDto, MoveBody, NoteBody, TopicModerationSchema } from './moderation.schema.ts';
import { closeTopic, moderationStateFor, reopenTopic, setLocked, setPinned } from './moderation.service.ts';
import { mergeTopic, moveTopic } from './move-merge.service.ts';

const tags = ['moderation'];

/** 401 before validation, so anonymous callers learn they must sign in whatever they sent. */
export async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** Lets a POST without a body mean "no options" (curl -X POST), as an empty JSON object would. */
export async function bodyOptional(req: FastifyRequest): Promise<void> {
  if (req.body === undefined || req.body === null) req.body = {};
}

const simpleActs = [
  ['pin', 'Pin a topic to the top of its community (stewards and moderators)', (d: Deps, r: FastifyRequest, id: number, note?: string) => setPinned(d, r.actor, id, true, note)],
  ['unpin', 'Unpin a topic', (d: Deps, r: FastifyRequest, id: number, note?: string) => setPinned(d, r.actor, id, false, note)],
  ['lock', 'Lock a topic: replies, answers, votes and edits answer 409 until unlocked', (d: Deps, r: FastifyRequest, id: number, note?: string) => setLocked(d, r.actor, id, true, note)],
  ['unlock', 'Unlock a topic', (d: Deps, r: FastifyRequest, id: number, note?: string) => setLocked(d, r.actor, id, false, note)],
  ['reopen', 'Reopen a closed topic', (d: Deps, r: FastifyRequest, id: number, note?: string) => reopenTopic(d, r.actor, id, note)],
] as const;

/** The JSON API of topic moderation under /api/v1/topics/:id. */
export async function moderationApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const writeErrors = errorResponses(400, 401, 403, 404, 409);

  r.get(
    '/api/v1/topics/:id/moderation',
    { schema: { tags, summary: 'The moderation state of a topic (pinned, locked, closed, merged into)', params: TopicIdParams, response: { 200: TopicModerationSchema, ...errorResponses(400, 404) } } },
    async (req) => moderationDto(await moderationStateFor(deps, req.actor, req.params.id)),
  );

  for (const [action, summary, run] of simpleActs) {
    r.post(
      `/api/v1/topics/:id/${action}`,
      { onRequest: requireSignedIn, preValidation: bodyOptional, schema: { tags, summary, params: TopicIdParams, body: NoteBody, response: { 200: TopicModerationSchema, ...writeErrors } } },
      async (req) => moderationDto(await run(deps, req, req.params.id, req.body.note)),
    );
  }

  r.post(
    '/api/v1/topics/:id/close',
    { onRequest: requireSignedIn, schema: { tags, summary: 'Close a topic with a reason (a duplicate names the topic it repeats)', params: TopicIdParams, body: CloseBody, response: { 200: TopicModerationSchema, ...writeErrors } } },
    async (req) => moderationDto(await closeTopic(deps, req.actor, req.params.id, req.body)),
  );

  r.post(
    '/api/v1/topics/:id/move',
    { onRequest: requireSignedIn, schema: { tags, summary: 'Move a topic to another community (you must moderate both)', params: TopicIdParams, body: MoveBody, response: { 200: TopicModerationSchema, ...writeErrors } } },
    async (req) => moderationDto(await moveTopic(deps, req.actor, req.params.id, req.body)),
  );

  r.post(
    '/api/v1/topics/:id/merge',
    {
      onRequest: requireSignedIn,
      schema: { tags, summary: 'Merge this duplicate topic into another: its posts move there and its address redirects', params: TopicIdParams, body: MergeBody, response: { 200: MergeResultSchema, ...writeErrors } },
    },
    async (req) => {
      const { source, target, movedPosts } = await mergeTopic(deps, req.actor, req.params.id, req.body);
      return { source: moderationDto(source), target: moderationDto(target), movedPosts };
    },
  );
}
