import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { answersApi } from './answers.api.ts';
import { answersPages } from './answers.pages.tsx';
import { commentsApi } from './comments.api.ts';

/** Pages and API routes of answers, votes, accepted answers and comments. */
export async function answersRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await answersApi(app, deps);
  await commentsApi(app, deps);
  await answersPages(app, deps);
}
