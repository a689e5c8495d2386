import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { transferApi } from './transfer.api.ts';
import { transferPages } from './transfer.pages.tsx';

/** Knowledge export: the export page, its zip download and the API download (import is the CLI's). */
export async function transferRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await transferApi(app, deps);
  await transferPages(app, deps);
}
