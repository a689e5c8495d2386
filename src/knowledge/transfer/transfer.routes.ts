import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { acceptMultipart } from '../attachments/upload-body.ts';
import { transferApi } from './transfer.api.ts';
import { transferImportPages } from './transfer.import.pages.tsx';
import { transferPages } from './transfer.pages.tsx';
import { ZIP_LIMITS } from './unzip.ts';

/**
 * Knowledge export and import: the export page, its zip download, the import form and the API
 * routes, in their own scope so the multipart parser for zip uploads applies to them alone.
 */
export async function transferRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    acceptMultipart(scope, ZIP_LIMITS.maxZipBytes);
    await transferApi(scope, deps);
    await transferPages(scope, deps);
    await transferImportPages(scope, deps);
  });
}
