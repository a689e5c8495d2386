import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, notFound, unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import { issuesFromValidation } from '../core/http/validation.ts';

/** The OpenAPI tag of every discussions API route. */
export const tags = ['discussions'];

/** Answers 401 before validation, so anonymous callers learn they must sign in whatever they sent. */
export async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw unauthenticated();
}

// Page addresses take ids as text, so /c/x/t/abc is a plain 404 page rather than a validation error.
export const TopicPageParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }), id: Type.String({ maxLength: 20 }) });
export const PostPageParams = Type.Object({ ...TopicPageParams.properties, postId: Type.String({ maxLength: 20 }) });

/** A page address's id as a number; 404 for anything that is not a plain positive integer. */
export function idOf(raw: string, what = 'Topic'): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound(what);
  return id;
}

/** A form field as text ('' when missing or not text). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Field issues of a failed form's schema validation (none when it passed). */
export function formIssues(req: FastifyRequest): FieldIssue[] {
  return req.validationError ? issuesFromValidation((req.validationError as { validation: Parameters<typeof issuesFromValidation>[0] }).validation) : [];
}

/** A 400 a service raised about named fields: re-render the form with it. */
export function isFormProblem(err: unknown): err is AppError {
  return err instanceof AppError && err.status === 400 && err.details.length > 0;
}
