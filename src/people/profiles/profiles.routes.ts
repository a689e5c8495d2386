import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of src/people/profiles (registered in src/core/app.ts). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function profilesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {}
