import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { WindowQuery } from '../period.ts';
import type { loadKnowledge } from './knowledge.routes.ts';
import { SlugParams } from './knowledge.schema.ts';
import { KnowledgeHealthPage } from './knowledge.views.tsx';

/** The knowledge health page, /c/:slug/health/knowledge (works without JavaScript). */
export async function knowledgePages(app: FastifyInstance, deps: Deps, load: typeof loadKnowledge): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/c/:slug/health/knowledge', { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
    const l = await load(deps, req, req.params.slug, req.query.months);
    return reply.page(`Knowledge · ${l.scope.community.name}`, <KnowledgeHealthPage community={l.scope.community} window={l.window} refreshedAt={l.refreshedAt} individuals={l.scope.individuals} k={l.dto} />, { wide: true });
  });
}
