import type { FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from './errors.ts';
import { issuesFromValidation } from './validation.ts';

/** The schema problems of a page post made with `attachValidation`, or null when it passed. */
export function formIssues(req: FastifyRequest): FieldIssue[] | null {
  const v = req.validationError as (Error & { validation?: Parameters<typeof issuesFromValidation>[0] }) | undefined;
  if (!v) return null;
  const issues = v.validation ? issuesFromValidation(v.validation) : [];
  return issues.length > 0 ? issues : [{ field: 'body', message: v.message }];
}

/** The status and field issues of a 400/409 a service threw, to re-render the form; null otherwise. */
export function issuesOf(err: unknown): { status: number; issues: FieldIssue[] } | null {
  if (err instanceof AppError && (err.status === 400 || err.status === 409) && err.details.length > 0) return { status: err.status, issues: err.details };
  return null;
}
