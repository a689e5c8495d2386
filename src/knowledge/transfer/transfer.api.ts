import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { errorResponses } from '../../core/http/schemas.ts';
import { fieldError } from '../../core/http/errors.ts';
import { uploadedFile } from '../attachments/upload-body.ts';
import { importKnowledgeAsSteward } from './import.service.ts';
import { folderFor, sendZip, SlugParams } from './transfer.http.ts';
import { readKnowledgeZip } from './unzip.ts';

const ZipSchema = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'A zip of the folder `<slug>-knowledge/` (README.md, articles/*.md, glossary/*.md); see docs/knowledge/transfer.md.' });

/** The API's knowledge export (a zip; readers of the community, 404 for others) and import (stewards). */
export async function transferApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/communities/:slug/knowledge/export',
    { schema: { tags: ['knowledge-transfer'], summary: 'Download a community’s articles and glossary as a zip of Markdown files with YAML front matter (readers of the community)', params: SlugParams, response: { 200: ZipSchema, ...errorResponses(400, 404) } } },
    async (req, reply) => {
      const { community, files } = await folderFor(deps, req.actor, req.params.slug);
      return sendZip(reply, community.slug, files);
    },
  );

  const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
  r.post(
    '/api/v1/communities/:slug/knowledge/import',
    {
      schema: {
        tags: ['knowledge-transfer'],
        summary: 'Import a knowledge zip (multipart/form-data, field "file") into the community (stewards only; one transaction, nothing written on any error)',
        consumes: ['multipart/form-data'],
        params: SlugParams,
        response: { 200: Type.Object({ articles: Counts, glossary: Counts }), ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req) =>
      importKnowledgeAsSteward(deps, req.actor, req.params.slug, () => {
        const file = uploadedFile(req);
        if (!file) throw fieldError('file', 'send the zip in a field named "file"');
        return readKnowledgeZip(file.bytes, file.name || 'the upload');
      }),
  );
}
