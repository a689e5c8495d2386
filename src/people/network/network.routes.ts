import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { networkApi } from './network.api.ts';
import { networkPages } from './network.pages.tsx';

/** Pages and API routes of src/people/network (registered in src/core/app.ts). */
export async function networkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await networkApi(app, deps);
  await networkPages(app, deps);
}
