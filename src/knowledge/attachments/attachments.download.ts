import fs from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import { idOf } from '../../discussions/discussions.http.ts';
import { findReadableAttachment, storedPath } from './attachments.service.ts';
import { kindOf } from './file-types.ts';

const FileParams = Type.Object({ id: Type.String({ maxLength: 20 }), name: Type.String({ maxLength: 400 }) });

/** A file can never run as a page of this site: no scripts, no plugins, no forms, no framing, its own origin. */
const fileCsp = "default-src 'none'; img-src 'self'; style-src 'none'; script-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox";

/** `attachment; filename="…"; filename*=UTF-8''…` (or inline), safe for any display name. */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /files/:id/:name — the stored bytes, to readers of the file's community only (404 otherwise).
 * Raster images are shown inline; everything else downloads. The name in the address is cosmetic.
 */
export async function attachmentsDownload(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/files/:id/:name',
    {
      schema: { params: FileParams, hide: true },
      // Runs after the app-wide security headers, so this stricter policy is the one sent.
      onSend: async (_req, reply, payload) => {
        if (reply.statusCode < 300) reply.header('content-security-policy', fileCsp);
        return payload;
      },
    },
    async (req, reply) => {
      const { attachment: a, access } = await findReadableAttachment(deps, req.actor, idOf(req.params.id, 'File'));
      const kind = kindOf(a.type);
      const file = storedPath(deps, a.storageKey);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) throw notFound('File');
      const inline = kind?.image === true;
      reply
        .type(kind ? (kind.text ? `${kind.mime}; charset=utf-8` : kind.mime) : 'application/octet-stream')
        .header('content-length', String(stat.size))
        .header('content-disposition', contentDisposition(a.name, inline))
        .header('x-content-type-options', 'nosniff')
        .header('x-download-options', 'noopen')
        .header('cross-origin-resource-policy', 'same-origin')
        .header('cache-control', access.visibility === 'public' && !a.hidden ? 'public, max-age=300' : 'private, no-cache');
      return reply.send(fs.createReadStream(file));
    },
  );
}
