import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from '../core/http/errors.ts';
import { issuesFromValidation } from '../core/http/validation.ts';
import type { Actor } from '../core/permissions/index.ts';

/** The schema problems of a page post made with `attachValidation`, or null when it passed. */
export function formIssues(req: FastifyRequest): FieldIssue[] | null {
  const v = req.validationError as (Error & { validation?: Parameters<typeof issuesFromValidation>[0] }) | undefined;
  if (!v) return null;
  const issues = v.validation ? issuesFromValidation(v.validation) : [];
  return issues.length > 0 ? issues : [{ field: 'body', message: v.message }];
}

/** Field issues carried by a 400/409 AppError (to re-render the form), or null for anything else. */
export function issuesOf(err: unknown): { status: number; issues: FieldIssue[] } | null {
  if (err instanceof AppError && (err.status === 400 || err.status === 409) && err.details.length > 0) {
    return { status: err.status, issues: err.details };
  }
  return null;
}

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
