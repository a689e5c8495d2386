import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { profilesApi } from './profiles.api.ts';
import { profilesPages } from './profiles.pages.tsx';

/** Pages and API routes of src/people/profiles (registered in src/core/app.ts). */
export async function profilesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await profilesApi(app, deps);
  await profilesPages(app, deps);
}
