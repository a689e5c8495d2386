import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../core/http/errors.ts';
import type { Actor } from '../core/permissions/index.ts';

/**
 * onRequest hook for every admin route: 401 when signed out, 403 when signed in but not an
 * organisation admin. Runs before body validation and CSRF, so nothing about the request leaks.
 */
export async function requireOrgAdmin(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated('Sign in as an admin to see this.');
  if (req.actor.role !== 'admin') throw forbidden('Only organisation admins can see this.');
}

/** The signed-in admin of a request that passed requireOrgAdmin. */
export function adminOf(req: FastifyRequest): Actor {
  if (req.actor?.role !== 'admin') throw forbidden('Only organisation admins can see this.');
  return req.actor;
}
