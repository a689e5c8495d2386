import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** STUB — owned by a helper (see /work/helper-brief.md). Pages and API of src/analytics/responsiveness. */
export async function responsivenessRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
