import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { findReadableTopic } from '../../discussions/discussions.service.ts';
import { findReadableArticle } from '../articles/articles.service.ts';
import { listApplied, markApplied, withdrawApplied } from './applied.service.ts';
import type { AppliedKind } from './applied.store.ts';
import { AppliedBody, AppliedSchema, BacklinksSchema, errorResponses, IdParams, tags } from './links.schema.ts';
import { listBacklinks, type Backlink } from './links.store.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

const backlinkDto = (b: Backlink) => ({ type: b.kind, id: b.id, postId: b.postId, title: b.title, community: b.community.slug, url: b.url });

/** The JSON API of back-links and "I applied this" under /api/v1. */
export async function linksApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/articles/:id/backlinks', { schema: { tags, summary: 'Topics and articles that link to this article (only those you may read)', params: IdParams, response: { 200: BacklinksSchema, ...errorResponses(400, 404) } } }, async (req) => {
    await findReadableArticle(deps, req.actor, req.params.id);
    return { items: (await listBacklinks(deps.db, req.actor, { kind: 'article', id: req.params.id })).map(backlinkDto) };
  });

  r.get('/api/v1/topics/:id/backlinks', { schema: { tags, summary: 'Topics and articles that link to this topic (only those you may read)', params: IdParams, response: { 200: BacklinksSchema, ...errorResponses(400, 404) } } }, async (req) => {
    await findReadableTopic(deps, req.actor, req.params.id);
    return { items: (await listBacklinks(deps.db, req.actor, { kind: 'topic', id: req.params.id })).map(backlinkDto) };
  });

  const subjects: Array<[string, AppliedKind, string]> = [
    ['articles', 'article', 'an article'],
    ['posts', 'post', 'an answer'],
  ];
  for (const [path, kind, what] of subjects) {
    r.get(`/api/v1/${path}/:id/applied`, { schema: { tags, summary: `Who applied ${what}, with their notes`, params: IdParams, response: { 200: AppliedSchema, ...errorResponses(400, 404) } } }, async (req) => listApplied(deps, req.actor, kind, req.params.id));
    r.post(
      `/api/v1/${path}/:id/applied`,
      { onRequest: requireSignedIn, schema: { tags, summary: `Record that you applied ${what} (members; not your own); again to change the note`, params: IdParams, body: AppliedBody, response: { 200: AppliedSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (req) => markApplied(deps, req.actor, kind, req.params.id, req.body.note),
    );
    r.delete(`/api/v1/${path}/:id/applied`, { onRequest: requireSignedIn, schema: { tags, summary: `Withdraw your “I applied this” on ${what}`, params: IdParams, response: { 200: AppliedSchema, ...errorResponses(400, 401, 404) } } }, async (req) => withdrawApplied(deps, req.actor, kind, req.params.id));
  }
}
