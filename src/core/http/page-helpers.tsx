import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../permissions/index.ts';
import { assemble } from '../views/assembled.ts';
import { fillKeptToken } from '../views/kept-markup.ts';
import { Layout, renderDocument } from '../views/layout.tsx';
import type { ViewContext } from '../views/context.ts';
import { csrfToken } from './csrf.ts';

const THEME_COOKIE = 'gh_theme';
const FLASH_COOKIE = 'gh_flash';

/** Unread notification counts of page requests, looked up before their handler runs. */
const unreadByRequest = new WeakMap<FastifyRequest, number>();

/**
 * Decorates replies with `page`, `viewContext` and `flash`, and adds POST /theme. With `unreadCount`,
 * GET page requests of signed-in members learn their unread notification count (for the header)
 * before the handler runs, so the synchronous viewContext can show it.
 */
export function registerPageHelpers(app: FastifyInstance, opts: { unreadCount?: (actor: Actor) => Promise<number> } = {}): void {
  const { unreadCount } = opts;
  if (unreadCount) {
    app.addHook('preHandler', async (req) => {
      if (req.method !== 'GET' || !req.actor || req.url.startsWith('/api/') || req.url.startsWith('/static/')) return;
      unreadByRequest.set(req, await unreadCount(req.actor));
    });
  }
  app.decorateReply('viewContext', function (this: FastifyReply): ViewContext {
    const req = this.request;
    const theme = req.cookies[THEME_COOKIE];
    const flashRaw = req.cookies[FLASH_COOKIE];
    let flash: string | null = null;
    if (flashRaw) {
      try {
        flash = decodeURIComponent(flashRaw).slice(0, 300);
      } catch {
        flash = null;
      }
      this.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    const issue = () => csrfToken(req, this);
    return {
      actor: req.actor,
      // Issued (with its cookie) only when a form on the page asks for it.
      get csrf() {
        return issue();
      },
      path: req.url.split('?')[0] ?? '/',
      theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
      flash,
      unread: unreadByRequest.get(req) ?? 0,
    };
  });

  app.decorateReply('page', function (this: FastifyReply, title: string, body: preact.ComponentChildren, opts: { status?: number; scripts?: string[]; wide?: boolean } = {}) {
    const ctx = this.viewContext();
    // Kept markup (a topic page's posts) carries a placeholder where the viewer's CSRF token goes, and
    // goes into the page's bytes without a string of the whole page (core/views/assembled.ts).
    const html = assemble(
      () =>
        renderDocument(
          <Layout ctx={ctx} title={title} scripts={opts.scripts} wide={opts.wide}>
            {body}
          </Layout>,
        ),
      (s) => fillKeptToken(s, ctx),
    );
    return this.status(opts.status ?? this.statusCode).type('text/html; charset=utf-8').send(html);
  });

  app.decorateReply('flash', function (this: FastifyReply, message: string) {
    return this.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
  });

  app.post<{ Body: { theme?: string; next?: string } }>('/theme', { schema: { hide: true } }, async (req, reply) => {
    const theme = req.body?.theme;
    if (theme !== 'auto' && theme !== 'light' && theme !== 'dark') {
      return reply.status(400).page('Something is wrong', <p>Theme must be one of: auto, light, dark.</p>);
    }
    reply.setCookie(THEME_COOKIE, theme, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    return reply.redirect(safeNext(req.body?.next));
  });
}

/** A same-site path to return to after a form, never an absolute or protocol-relative URL. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
