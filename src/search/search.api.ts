import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { errorResponses } from '../core/http/schemas.ts';
import { SearchQueryString, SearchResponse } from './search.schema.ts';
import { runSearch } from './search.service.ts';

/** GET /api/v1/search: ranked, filtered, highlighted results the caller may read. */
export async function searchApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search over topics, posts, articles, glossary terms, members and communities the caller may read',
        querystring: SearchQueryString,
        response: { 200: SearchResponse, ...errorResponses(400) },
      },
    },
    async (req) => runSearch(deps, req.actor, req.query),
  );
}
