/** One field-level problem in a request. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * An expected failure with an HTTP meaning. The one error handler renders it as
 * `{"error":{"code","message","details"}}` for the API and as an HTML page for the web.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Every error code the API can answer with, and what it means (documented in docs/api.md; a test checks). */
export const errorCodes = {
  VALIDATION_FAILED: 'A field is missing or has a value that is not allowed; details name each field.',
  UNAUTHENTICATED: 'Sign in (session cookie) or send a personal API token as a Bearer token.',
  FORBIDDEN: 'You are signed in but not allowed to do this.',
  CSRF_FAILED: 'A form post without a valid CSRF token.',
  NOT_FOUND: 'No such thing, or you may not see it.',
  CONFLICT: 'The request conflicts with the current state (already exists, already a member, …).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than allowed.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type the route does not accept.',
  RATE_LIMITED: 'Too many requests; try again later.',
  INTERNAL: 'Something went wrong on our side; it has been logged.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export const badRequest = (message: string, details: FieldIssue[] = []) =>
  new AppError(400, 'VALIDATION_FAILED', message, details);
export const fieldError = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
export const unauthenticated = (message = 'You need to sign in to do that.') =>
  new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what = 'Page') => new AppError(404, 'NOT_FOUND', `${what} not found.`);
export const conflict = (message: string, details: FieldIssue[] = []) => new AppError(409, 'CONFLICT', message, details);
