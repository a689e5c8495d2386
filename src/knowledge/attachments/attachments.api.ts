import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { decodeCursor, paginate } from '../../core/http/pagination.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { attachmentDto, AttachmentListSchema, AttachmentSchema, errorResponses, IdParams, ListQuery, SlugParams, tags, UploadBody, uploadDescription } from './attachments.schema.ts';
import { attachToArticle, attachToPost, findReadableAttachment, removeAttachment } from './attachments.service.ts';
import { listCommunityAttachments } from './attachments.store.ts';
import { uploadedFile } from './upload-body.ts';

async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

/** The JSON API of attachments under /api/v1 (uploads are multipart; answers are JSON). */
export async function attachmentsApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const uploadErrors = errorResponses(400, 401, 403, 404, 409, 413, 415);

  r.get('/api/v1/communities/:slug/attachments', { schema: { tags, summary: 'List a community’s files (its shared repertoire), newest first', params: SlugParams, querystring: ListQuery, response: { 200: AttachmentListSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { community } = await readableCommunity(deps, req.actor, req.params.slug);
    const limit = req.query.limit ?? 20;
    const rows = await listCommunityAttachments(deps.db, community.id, decodeCursor(req.query.cursor), limit + 1);
    const { items, nextCursor } = paginate(rows, limit, (a) => ({ v: a.createdAt, id: a.id }));
    return { items: items.map(attachmentDto), nextCursor };
  });

  r.post('/api/v1/articles/:id/attachments', { onRequest: requireSignedIn, schema: { tags, summary: 'Attach a file to an article (those who may edit it)', description: uploadDescription, body: UploadBody, params: IdParams, response: { 201: AttachmentSchema, ...uploadErrors } } }, async (req, reply) => {
    const a = await attachToArticle(deps, req.actor, req.params.id, () => uploadedFile(req));
    return reply.status(201).send(attachmentDto(a));
  });

  r.post('/api/v1/posts/:id/attachments', { onRequest: requireSignedIn, schema: { tags, summary: 'Attach a file to a post (its author; stewards and moderators)', description: uploadDescription, body: UploadBody, params: IdParams, response: { 201: AttachmentSchema, ...uploadErrors } } }, async (req, reply) => {
    const a = await attachToPost(deps, req.actor, req.params.id, () => uploadedFile(req));
    return reply.status(201).send(attachmentDto(a));
  });

  r.get('/api/v1/attachments/:id', { schema: { tags, summary: 'An attachment’s details (download it from its `url`)', params: IdParams, response: { 200: AttachmentSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { attachment } = await findReadableAttachment(deps, req.actor, req.params.id);
    return attachmentDto(attachment);
  });

  r.delete('/api/v1/attachments/:id', { onRequest: requireSignedIn, schema: { tags, summary: 'Remove an attachment and its file (uploader, stewards, moderators)', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await removeAttachment(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });
}
