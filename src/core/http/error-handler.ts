import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AppError, type ErrorCode, type FieldIssue } from './errors.ts';
import { issuesFromValidation } from './validation.ts';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** True for API requests, which get JSON errors; pages get an HTML error page. */
export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/healthz' || req.url === '/readyz';
}

/** Normalises anything thrown into an AppError; unknown errors become a logged 500. */
export function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const details: FieldIssue[] = issuesFromValidation(fe.validation);
    return new AppError(400, 'VALIDATION_FAILED', details.map((d) => d.message).join('; ') || 'The request is not valid.', details);
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = codeForStatus[status] ?? 'VALIDATION_FAILED';
    const message = status === 413 ? 'The request body is too large.' : status === 415 ? `Content type ${String(req.headers['content-type'] ?? '(none)')} is not accepted here.` : fe.message;
    return new AppError(status, code, message);
  }
  req.log.error({ err }, 'unhandled error');
  return new AppError(500, 'INTERNAL', 'Something went wrong on our side. It has been logged.');
}

function sendError(err: AppError, req: FastifyRequest, reply: FastifyReply) {
  if (isApiRequest(req)) {
    return reply.status(err.status).type('application/json').send({ error: { code: err.code, message: err.message, details: err.details } });
  }
  const title = err.status === 404 ? 'Not found' : err.status === 403 || err.status === 401 ? 'Not allowed' : 'Something is wrong';
  return reply.page(
    title,
    h('section', { class: 'error-page' }, [
      h('h1', null, title),
      h('p', null, err.message),
      err.details.length > 0 ? h('ul', null, err.details.map((d) => h('li', null, d.message))) : null,
      err.status === 401 ? h('p', null, h('a', { href: `/signin?next=${encodeURIComponent(req.url)}` }, 'Sign in')) : h('p', null, h('a', { href: '/' }, 'Go to the home page')),
    ]),
    { status: err.status },
  );
}

/** Registers the one error handler and the not-found handler. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => sendError(toAppError(err, req), req, reply));
  app.setNotFoundHandler((req, reply) => sendError(new AppError(404, 'NOT_FOUND', 'There is nothing at this address.'), req, reply));
}
