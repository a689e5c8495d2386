import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { AppError, type FieldIssue } from '../../core/http/errors.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { uploadedFile } from '../attachments/upload-body.ts';
import { assertMayImport, importKnowledgeAsSteward } from './import.service.ts';
import { SlugParams } from './transfer.http.ts';
import { ImportPage } from './transfer.views.tsx';
import { readKnowledgeZip } from './unzip.ts';

/** The import form (stewards): upload a knowledge zip; Post/Redirect/Get with a summary. */
export async function transferImportPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function form(reply: FastifyReply, slug: string, issues: FieldIssue[], status: number) {
    const { community } = await readableCommunity(deps, reply.request.actor, slug);
    return reply.page(`Import · ${community.name}`, <ImportPage ctx={reply.viewContext()} community={community} issues={issues} />, { status });
  }

  r.get('/c/:slug/knowledge/import', { schema: { params: SlugParams } }, async (req, reply) => {
    if (!req.actor) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    await assertMayImport(deps, req.actor, req.params.slug);
    return form(reply, req.params.slug, [], 200);
  });

  r.post('/c/:slug/knowledge/import', { schema: { params: SlugParams } }, async (req, reply) => {
    try {
      const s = await importKnowledgeAsSteward(deps, req.actor, req.params.slug, () => {
        const file = uploadedFile(req);
        if (!file) throw new AppError(400, 'VALIDATION_FAILED', 'Choose a zip file to import', [{ field: 'file', message: 'Choose a zip file to import' }]);
        return readKnowledgeZip(file.bytes, file.name || 'the upload');
      });
      reply.flash(`Imported: articles ${s.articles.created} new, ${s.articles.updated} changed, ${s.articles.unchanged} unchanged; glossary terms ${s.glossary.created} new, ${s.glossary.updated} changed, ${s.glossary.unchanged} unchanged.`);
      return reply.redirect(`/c/${req.params.slug}/articles`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      const issues = err.details.length > 0 ? err.details : [{ field: 'file', message: err.message }];
      return form(reply, req.params.slug, issues, 400);
    }
  });
}
