import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { folderFor, sendZip, SlugParams } from './transfer.http.ts';
import { ExportPage } from './transfer.views.tsx';

/** The export page and its zip download (readers of the community; 404 for others). */
export async function transferPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/c/:slug/knowledge/export', { schema: { params: SlugParams } }, async (req, reply) => {
    const { community, files } = await folderFor(deps, req.actor, req.params.slug);
    const { access } = await readableCommunity(deps, req.actor, req.params.slug);
    const count = (prefix: string) => [...files.keys()].filter((k) => k.startsWith(prefix)).length;
    reply.header('cache-control', 'private, no-cache');
    return reply.page(`Export · ${community.name}`, <ExportPage community={community} articles={count('articles/')} terms={count('glossary/')} canImport={access.role === 'steward'} />);
  });

  r.get('/c/:slug/knowledge/export.zip', { schema: { params: SlugParams } }, async (req, reply) => {
    const { community, files } = await folderFor(deps, req.actor, req.params.slug);
    return sendZip(reply, community.slug, files);
  });
}
