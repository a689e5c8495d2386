import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { attachmentsApi } from './attachments.api.ts';
import { attachmentsDownload } from './attachments.download.ts';
import { attachmentsPages } from './attachments.pages.tsx';
import { acceptMultipart } from './upload-body.ts';

/**
 * Pages and API routes of src/knowledge/attachments, in their own scope so that the multipart body
 * parser they need applies to them alone.
 */
export async function attachmentsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    acceptMultipart(scope, deps.config.uploads.maxBytes);
    await attachmentsApi(scope, deps);
    await attachmentsPages(scope, deps);
    await attachmentsDownload(scope, deps);
  });
}
