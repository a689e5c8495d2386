import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { AppError } from '../core/http/errors.ts';
import { SearchQueryString, type SearchResponse } from './search.schema.ts';
import { runSearch } from './search.service.ts';
import { SearchPage } from './search.views.tsx';

/** GET /search: the search form with its filters and the results; an empty query shows the form only. */
export async function searchPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/search', { schema: { querystring: SearchQueryString } }, async (req, reply) => {
    const values = req.query;
    const q = values.q?.trim() ?? '';
    let result: SearchResponse | null = null;
    let issues: AppError['details'] = [];
    if (q !== '') {
      try {
        result = await runSearch(deps, req.actor, values);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 400) throw err;
        issues = err.details;
      }
    }
    const title = q ? `Search: ${q.slice(0, 80)}` : 'Search';
    return reply.page(title, <SearchPage values={values} result={result} issues={issues} />, { status: issues.length > 0 ? 400 : 200, wide: true });
  });
}
