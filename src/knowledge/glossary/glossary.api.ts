import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { errors } from '../../communities/communities.schema.ts';
import { termDto } from './glossary.dto.ts';
import { CreateTermBody, PatchTermBody, SlugParams, tags, TermIdParams, TermListQuery, TermPageSchema, TermSchema } from './glossary.schema.ts';
import { createTerm, deleteTerm, readableCommunity, readableTerm, updateTerm } from './glossary.service.ts';
import { listTerms } from './glossary.store.ts';

/** The JSON API of community glossaries under /api/v1. */
export async function glossaryApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/communities/:slug/glossary',
    { schema: { tags, summary: 'List a community’s glossary terms alphabetically, optionally searching terms and synonyms', params: SlugParams, querystring: TermListQuery, response: { 200: TermPageSchema, ...errors(400, 404) } } },
    async (req) => {
      const found = await readableCommunity(deps, req.actor, req.params.slug);
      const limit = req.query.limit ?? 20;
      const rows = await listTerms(deps.db, found.community.id, { q: req.query.q, after: decodeCursor(req.query.cursor), limit: limit + 1 });
      const { items, nextCursor } = paginate(rows, limit, (t) => ({ v: t.term_key, id: t.id }));
      return { items: items.map((t) => termDto(req.actor, found, t)), nextCursor };
    },
  );

  r.post(
    '/api/v1/communities/:slug/glossary',
    { schema: { tags, summary: 'Add a term to a community’s glossary (members only; 409 when the term or a synonym is taken)', params: SlugParams, body: CreateTermBody, response: { 201: TermSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      const id = await createTerm(deps, req.actor, req.params.slug, req.body);
      const found = await readableTerm(deps, req.actor, id);
      return reply.status(201).send(termDto(req.actor, found, found.term));
    },
  );

  r.get(
    '/api/v1/glossary/:id',
    { schema: { tags, summary: 'Get a glossary term', params: TermIdParams, response: { 200: TermSchema, ...errors(400, 404) } } },
    async (req) => {
      const found = await readableTerm(deps, req.actor, req.params.id);
      return termDto(req.actor, found, found.term);
    },
  );

  r.patch(
    '/api/v1/glossary/:id',
    { schema: { tags, summary: 'Change a term, its synonyms or its owner (owner, stewards and moderators)', params: TermIdParams, body: PatchTermBody, response: { 200: TermSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (req) => {
      await updateTerm(deps, req.actor, req.params.id, req.body);
      const found = await readableTerm(deps, req.actor, req.params.id);
      return termDto(req.actor, found, found.term);
    },
  );

  r.delete(
    '/api/v1/glossary/:id',
    { schema: { tags, summary: 'Delete a term (owner, stewards and moderators)', params: TermIdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } } },
    async (req, reply) => {
      await deleteTerm(deps, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
