import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { errorResponses, tags } from './expertise.schema.ts';
import { ExpertListSchema, FinderQuerySchema } from './finder.schema.ts';
import { findExperts, type FinderResult } from './finder.service.ts';

/** The API shape of one finder result. */
export function expertDto(r: FinderResult) {
  return { username: r.username, displayName: r.displayName, headline: r.headline, location: r.location, timeZone: r.timeZone, mentoringAvailability: r.mentoring, score: r.score, reasons: r.reasons };
}

/** GET /api/v1/experts: the expert finder. */
export async function finderApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api/v1/experts', { schema: { tags, summary: 'Find people by skill, tag or free text, with filters; ranked by demonstrated and declared expertise, each with why it matched', querystring: FinderQuerySchema, response: { 200: ExpertListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const res = await findExperts(deps, req.actor, { ...req.query, limit: req.query.limit ?? 20 });
    return { items: res.items.map(expertDto), nextCursor: res.nextCursor };
  });
}
