import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/permissions/index.ts';

export { formIssues, issuesOf } from '../core/http/forms.ts';

/** The submitted text fields of a form, for refilling it (never the passwords). */
export function formValues(req: FastifyRequest, names: string[]): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const n of names) out[n] = typeof body[n] === 'string' ? body[n] : '';
  return out;
}

/**
 * The signed-in actor for a page; when anonymous, sends a redirect to the sign-in page (which
 * returns here) and gives null, so the route just returns the reply.
 */
export function pageActor(req: FastifyRequest, reply: FastifyReply): Actor | null {
  if (req.actor) return req.actor;
  void reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
  return null;
}
