import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const CSRF_COOKIE = 'gh_csrf';

/** Returns the request's CSRF token, setting the cookie when the browser has none yet. */
export function csrfToken(req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  if (req.csrfIssued) return req.csrfIssued;
  const token = crypto.randomBytes(24).toString('base64url');
  req.csrfIssued = token;
  reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
  return token;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * Double-submit check for state-changing requests. Exempt: Bearer-token API calls (no ambient
 * credentials) and JSON bodies (a cross-site page cannot send them without a CORS preflight, which
 * we never grant). Everything else — form posts above all — must echo the cookie's token in the
 * `_csrf` field or the `x-csrf-token` header.
 */
export function verifyCsrf(req: FastifyRequest): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
  // Choosing a colour theme (a preference cookie, nothing else) is the one form without a token: a
  // forged post could only change someone's theme, and without a token in the footer's form every
  // anonymous page is the same for every visitor, so the micro-cache can share it as it is.
  if (req.routeOptions.url === '/theme') return;
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return;
  const cookie = req.cookies[CSRF_COOKIE];
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.headers['x-csrf-token'];
  if (!cookie || typeof sent !== 'string' || !safeEqual(cookie, sent)) {
    throw new AppError(403, 'CSRF_FAILED', 'This form has expired or did not come from this site. Go back, reload the page and try again.');
  }
}
