import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { errorResponses } from '../../core/http/schemas.ts';
import { folderFor, sendZip, SlugParams } from './transfer.http.ts';

const ZipSchema = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'A zip of the folder `<slug>-knowledge/` (README.md, articles/*.md, glossary/*.md); see docs/knowledge/transfer.md.' });

/** The JSON API's knowledge export (a zip; readers of the community, 404 for others). */
export async function transferApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/communities/:slug/knowledge/export',
    { schema: { tags: ['articles'], summary: 'Download a community’s articles and glossary as a zip of Markdown files with YAML front matter (readers of the community)', params: SlugParams, response: { 200: ZipSchema, ...errorResponses(400, 404) } } },
    async (req, reply) => {
      const { community, files } = await folderFor(deps, req.actor, req.params.slug);
      return sendZip(reply, community.slug, files);
    },
  );
}
