import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import type { Attachment } from './attachments.store.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every attachments API route. */
export const tags = ['attachments'];

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const ListQuery = PageQuery;

export const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'Sanitised display name; never a path.' }),
  type: Type.String({ description: 'The sniffed type: png, jpeg, gif, webp, pdf, txt, md, csv or zip.' }),
  mime: Type.String(),
  size: Type.Integer({ description: 'Bytes as stored (images are re-encoded without metadata).' }),
  url: Type.String({ description: 'Where to download it.' }),
  community: Type.String(),
  createdAt: Type.String(),
  uploader: Type.Object({ username: Type.String(), displayName: Type.String() }),
  attachedTo: Type.Object({ kind: Type.Union([Type.Literal('article'), Type.Literal('post')]), id: Type.Integer(), title: Type.String(), url: Type.String() }),
});
export type AttachmentDto = Static<typeof AttachmentSchema>;

export const AttachmentListSchema = Type.Object({ items: Type.Array(AttachmentSchema), ...pageInfo });

/** The download address of an attachment. */
export function fileUrl(a: Attachment): string {
  return `/files/${a.id}/${encodeURIComponent(a.name)}`;
}

/** The API shape of an attachment. */
export function attachmentDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    mime: a.mime,
    size: a.size,
    url: fileUrl(a),
    community: a.communitySlug,
    createdAt: a.createdAt,
    uploader: { username: a.uploader.username, displayName: a.uploader.displayName },
    attachedTo: { kind: a.target.kind, id: a.target.id, title: a.target.title, url: a.target.href },
  };
}

/**
 * The upload routes' body, for the OpenAPI document and validation of the text fields. The file
 * itself is held aside by upload-body.ts, so nothing here is required: a missing file is the
 * service's 400, after the authorization checks.
 */
export const UploadBody = {
  content: {
    'multipart/form-data': {
      schema: Type.Object({
        file: Type.Optional(Type.String({ format: 'binary', description: 'The file: one per request.' })),
        _csrf: Type.Optional(Type.String({ description: 'The CSRF token, when authenticating with a session cookie and not sending x-csrf-token.' })),
      }),
    },
  },
};

/** What the upload routes take, for the OpenAPI document (multipart bodies are read by upload-body.ts). */
export const uploadDescription = 'Send `multipart/form-data` with one file in the field `file`. Its type is sniffed from the bytes: a file whose bytes do not match its name or claimed type, or whose type is not accepted, is refused with 415; one over UPLOAD_MAX_BYTES with 413. Images are re-encoded without metadata. With a session cookie, also send the `x-csrf-token` header (or a `_csrf` field); Bearer tokens need neither.';
