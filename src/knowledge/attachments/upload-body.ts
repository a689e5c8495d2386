import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../core/http/errors.ts';
import type { UploadedFile } from './attachments.service.ts';

/*
 * Why not @fastify/multipart: its `attachFieldsToBody` fills the body in a preValidation hook, and
 * hooks of this scope run after the app's global preValidation CSRF check, so a no-JS form's
 * `_csrf` field would never be seen. A content-type parser runs before any preValidation hook, so
 * parsing here (with the platform's own multipart reader, Response#formData) lets the CSRF check
 * read `_csrf` like any other form. The body is buffered up to UPLOAD_MAX_BYTES plus room for
 * the form's other fields; anything larger is refused with 413 before it is parsed.
 */

const uploads = new WeakMap<object, { files: UploadedFile[] }>();

/** Lets the routes of `scope` take multipart/form-data bodies of files up to `maxBytes`. */
export function acceptMultipart(scope: FastifyInstance, maxBytes: number): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: maxBytes + 64 * 1024 }, async (req: FastifyRequest, raw: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    } catch {
      throw new AppError(400, 'VALIDATION_FAILED', 'The upload is not valid multipart/form-data.', [{ field: 'file', message: 'is not valid multipart/form-data' }]);
    }
    const body: Record<string, string> = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') body[key] = value;
      else if (key === 'file') files.push({ name: value.name, claimedType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    uploads.set(body, { files });
    return body;
  });
}

/**
 * The one file sent in the `file` field, or null when the form had none (an empty file input sends
 * a nameless empty part, which counts as none). 415 when the body is not multipart at all; 400 when
 * more than one file came.
 */
export function uploadedFile(req: FastifyRequest): UploadedFile | null {
  const parsed = typeof req.body === 'object' && req.body !== null ? uploads.get(req.body) : undefined;
  if (!parsed) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".', [{ field: 'file', message: 'send it as multipart/form-data' }]);
  const files = parsed.files.filter((f) => f.name !== '' || f.bytes.length > 0);
  if (files.length > 1) throw fieldError('file', 'send one file at a time');
  return files[0] ?? null;
}
