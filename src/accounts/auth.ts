import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { createSession, deleteSession, findSessionActor, findTokenActor, hashToken } from './sessions.store.ts';

export const SESSION_COOKIE = 'gh_session';

/** Works out who is asking: a Bearer token on API routes, otherwise the session cookie. */
export async function resolveActor(deps: Deps, req: FastifyRequest): Promise<void> {
  req.actor = null;
  req.authVia = null;
  req.sessionId = null;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && req.url.startsWith('/api/')) {
    req.actor = await findTokenActor(deps.db, auth.slice(7).trim(), deps.clock.now());
    req.authVia = req.actor ? 'token' : null;
    return;
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return;
  const id = hashToken(token);
  req.actor = await findSessionActor(deps.db, id, deps.clock.now());
  if (req.actor) {
    req.authVia = 'session';
    req.sessionId = id;
  }
}

function cookieOptions(req: FastifyRequest, deps: Deps) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https' || deps.config.baseUrl.startsWith('https:'),
    maxAge: deps.config.sessionTtlDays * 86_400,
  };
}

/** Signs the user in with a fresh session, ending any session the browser had (rotation). */
export async function startSession(deps: Deps, req: FastifyRequest, reply: FastifyReply, userId: number): Promise<string> {
  if (req.sessionId) await deleteSession(deps.db, req.sessionId);
  const { token, id } = await createSession(deps.db, userId, deps.clock.now(), deps.config.sessionTtlDays, String(req.headers['user-agent'] ?? ''));
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, deps));
  req.sessionId = id;
  return id;
}

/** Signs out: deletes the server-side session and clears the cookie. */
export async function endSession(deps: Deps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.sessionId) await deleteSession(deps.db, req.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  req.actor = null;
  req.sessionId = null;
}
