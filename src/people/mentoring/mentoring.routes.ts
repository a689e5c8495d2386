import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of src/people/mentoring (registered in src/core/app.ts). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function mentoringRoutes(app: FastifyInstance, deps: Deps): Promise<void> {}
