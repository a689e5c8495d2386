import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';

/** A 400 or 409 about named fields: the form is shown again with them. */
export function isFieldProblem(err: unknown): err is AppError {
  return err instanceof AppError && (err.status === 400 || err.status === 409) && err.details.length > 0;
}

/** Signs the actor in first (303 to /signin) for page GETs. */
export function signInFirst(req: FastifyRequest, reply: FastifyReply): Actor | null {
  if (!req.actor) {
    void reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
    return null;
  }
  return req.actor;
}
