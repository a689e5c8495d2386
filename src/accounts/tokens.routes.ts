import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import { decodeCursor, PageQuery, pageInfo } from '../core/http/pagination.ts';
import { ApiTokenSummary, CreatedToken, errorResponses, TokenCreateBody, TokenIdParams } from './accounts.schema.ts';
import { formIssues, formValues, issuesOf, pageActor } from './form.ts';
import { apiActor } from './settings.routes.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts';
import { TokensPage } from './tokens.views.tsx';

const tags = ['accounts'];
const PAGE = 50;

/** Personal API tokens: the settings page and /api/v1/me/tokens. */
export async function tokensRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  const tokensPage = async (
    reply: FastifyReply,
    userId: number,
    opts: { cursor?: string; issues?: FieldIssue[]; name?: string; created?: { name: string; secret: string }; status?: number } = {},
  ) => {
    const page = await listApiTokens(deps, userId, PAGE, decodeCursor(opts.cursor));
    const nextHref = page.nextCursor ? `/settings/tokens?cursor=${encodeURIComponent(page.nextCursor)}` : null;
    const view = TokensPage({ ctx: reply.viewContext(), tokens: page.items, nextHref, issues: opts.issues, name: opts.name, created: opts.created });
    return reply.page('API tokens', view, { status: opts.status ?? 200 });
  };

  r.get('/settings/tokens', { schema: { querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (req, reply) => {
    const actor = pageActor(req, reply);
    return actor ? tokensPage(reply, actor.id, { cursor: req.query.cursor }) : reply;
  });

  // Answers with the page itself (not a redirect), so the secret is shown once and never stored.
  r.post('/settings/tokens', { schema: { body: TokenCreateBody }, attachValidation: true }, async (req, reply) => {
    if (!req.actor) throw unauthenticated();
    const name = formValues(req, ['name']).name;
    const issues = formIssues(req);
    if (issues) return tokensPage(reply, req.actor.id, { issues, name, status: 400 });
    try {
      const { token, secret } = await createApiToken(deps, req.actor.id, req.body.name);
      reply.header('cache-control', 'no-store');
      return await tokensPage(reply, req.actor.id, { created: { name: token.name, secret } });
    } catch (err) {
      const bad = issuesOf(err);
      if (!bad) throw err;
      return tokensPage(reply, req.actor.id, { issues: bad.issues, name, status: bad.status });
    }
  });

  r.post('/settings/tokens/:id/revoke', { schema: { params: TokenIdParams } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated();
    await revokeApiToken(deps, req.actor.id, req.params.id);
    reply.flash('The token is revoked; it no longer works.');
    return reply.redirect('/settings/tokens', 303);
  });

  r.get(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your active personal API tokens, newest first',
        querystring: PageQuery,
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSummary), ...pageInfo }), ...errorResponses(400, 401) },
      },
    },
    async (req) => listApiTokens(deps, apiActor(req).id, req.query.limit ?? 20, decodeCursor(req.query.cursor)),
  );

  r.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Make a personal API token; the secret is in this answer only',
        body: TokenCreateBody,
        response: { 201: CreatedToken, ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      const created = await createApiToken(deps, apiActor(req).id, req.body.name);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: { tags, summary: 'Revoke one of your tokens', params: TokenIdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 404) } },
    },
    async (req, reply) => {
      await revokeApiToken(deps, apiActor(req).id, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
