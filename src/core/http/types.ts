import type { ViewContext } from '../views/context.ts';
import type { Actor } from '../permissions/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session cookie or Bearer token), or null. */
    actor: Actor | null;
    /** How the actor was authenticated. */
    authVia: 'session' | 'token' | null;
    /** The session id (hashed token) when signed in by cookie. */
    sessionId: string | null;
    /** A CSRF token issued during this request, before the browser has the cookie. */
    csrfIssued: string | null;
  }
  interface FastifyInstance {
    /** Every route registered on the app (method and URL pattern), in order. */
    routeList: Array<{ method: string; url: string }>;
  }
  interface FastifyReply {
    /** Renders a page inside the layout and sends it as HTML. */
    page(title: string, body: preact.ComponentChildren, opts?: { status?: number; scripts?: string[]; wide?: boolean }): FastifyReply;
    /** The view context (actor, CSRF token, theme, flash) for this request. */
    viewContext(): ViewContext;
    /** Sets a one-time message shown on the next page. */
    flash(message: string): FastifyReply;
  }
}
export {};
