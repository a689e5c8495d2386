import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { settingsForSteward, updateKnowledgeSettings } from './knowledge-settings.service.ts';
import { readLifecycle } from './lifecycle.read.ts';
import { ArticleIdParams, EndorseBody, errorResponses, LifecycleSchema, lifecycleDto, SettingsSchema, settingsDto, SlugParams, tags, TransitionBody } from './lifecycle.schema.ts';
import { deleteArticle, endorseArticle, transitionArticle, withdrawEndorsement } from './lifecycle.service.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of the article lifecycle and of per-community knowledge settings. */
export async function lifecycleApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const view = async (req: FastifyRequest, id: number) => lifecycleDto((await readLifecycle(deps, req.actor, id)).view);

  r.get('/api/v1/articles/:id/lifecycle', { schema: { tags, summary: 'An article’s lifecycle: state, history of transitions, endorsements, review date, successor', params: ArticleIdParams, response: { 200: LifecycleSchema, ...errorResponses(400, 404) } } }, async (req) => view(req, req.params.id));

  r.post(
    '/api/v1/articles/:id/transitions',
    { onRequest: requireSignedIn, schema: { tags, summary: 'Change an article’s state (propose, withdraw, flag for review, re-confirm, supersede, archive)', params: ArticleIdParams, body: TransitionBody, response: { 200: LifecycleSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req) => {
      await transitionArticle(deps, req.actor, req.params.id, { to: req.body.to, reason: req.body.reason, successorId: req.body.successorId });
      return view(req, req.params.id);
    },
  );

  r.post(
    '/api/v1/articles/:id/endorsements',
    { onRequest: requireSignedIn, schema: { tags, summary: 'Endorse a proposed article, or one that needs review (members with expertise in its tags; stewards)', params: ArticleIdParams, body: Type.Optional(EndorseBody), response: { 201: LifecycleSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      await endorseArticle(deps, req.actor, req.params.id, req.body?.note);
      return reply.status(201).send(await view(req, req.params.id));
    },
  );

  r.delete('/api/v1/articles/:id/endorsements/me', { onRequest: requireSignedIn, schema: { tags, summary: 'Withdraw your endorsement while the article is still collecting endorsements', params: ArticleIdParams, response: { 200: LifecycleSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (req) => {
    await withdrawEndorsement(deps, req.actor, req.params.id);
    return view(req, req.params.id);
  });

  r.delete('/api/v1/articles/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Delete an article (stewards; owners of a draft that was never proposed)', params: ArticleIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await deleteArticle(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/communities/:slug/knowledge-settings', { onRequest: requireSignedIn, schema: { tags, summary: 'A community’s knowledge settings (stewards only)', params: SlugParams, response: { 200: SettingsSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) =>
    settingsDto((await settingsForSteward(deps, req.actor, req.params.slug)).settings),
  );

  r.put('/api/v1/communities/:slug/knowledge-settings', { onRequest: requireSignedIn, schema: { tags, summary: 'Replace a community’s knowledge settings (stewards only)', params: SlugParams, body: SettingsSchema, response: { 200: SettingsSchema, ...errorResponses(400, 401, 403, 404) } } }, async (req) =>
    settingsDto(await updateKnowledgeSettings(deps, req.actor, req.params.slug, req.body)),
  );
}
