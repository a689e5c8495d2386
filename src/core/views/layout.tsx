import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { ViewContext } from './context.ts';
import { CsrfField } from './components.tsx';
import { assetUrl } from '../http/static-assets.ts';

interface LayoutProps {
  ctx: ViewContext;
  title: string;
  children?: ComponentChildren;
  /** Extra client islands (paths under /static/) this page enhances with. */
  scripts?: string[];
  wide?: boolean;
}

function Header({ ctx }: { ctx: ViewContext }) {
  const a = ctx.actor;
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="brand" href="/">
          <span class="brand__mark" aria-hidden="true">⌂</span> Guildhall
        </a>
        <nav aria-label="Main" class="site-nav">
          <a href="/communities" aria-current={ctx.path.startsWith('/communities') ? 'page' : undefined}>
            Communities
          </a>
          <a href="/members" aria-current={ctx.path.startsWith('/members') ? 'page' : undefined}>
            People
          </a>
          {a?.role === 'admin' && (
            <a href="/admin" aria-current={ctx.path.startsWith('/admin') ? 'page' : undefined}>
              Admin
            </a>
          )}
        </nav>
        <form method="get" action="/search" role="search" class="quick-search" aria-label="Quick search">
          <label for="quick-search-q" class="visually-hidden">Search Guildhall</label>
          <input type="search" id="quick-search-q" name="q" maxLength={1000} placeholder="Search" />
          <button type="submit">Search</button>
        </form>
        <div class="site-user">
          {a ? (
            <>
              <a href="/notifications" class="site-user__notifications" aria-current={ctx.path === '/notifications' ? 'page' : undefined}>
                Notifications
                {ctx.unread > 0 && (
                  <span class="notification-count">
                    {' '}({ctx.unread}
                    <span class="visually-hidden"> unread</span>)
                  </span>
                )}
              </a>
              <a href={`/u/${a.username}`} class="site-user__me">
                {a.displayName}
              </a>
              <a href="/settings">Settings</a>
              <form method="post" action="/signout" class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <a href={`/signin?next=${encodeURIComponent(ctx.path)}`}>Sign in</a>
              <a href="/signup" class="button button--small">
                Sign up
              </a>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function Footer({ ctx }: { ctx: ViewContext }) {
  return (
    <footer class="site-footer">
      {/* No CSRF token: choosing a theme is harmless, and without one the page is the same for every visitor (it can be shared). */}
      <form method="post" action="/theme" class="theme-form">
        <input type="hidden" name="next" value={ctx.path} />
        <span id="theme-label">Theme:</span>{' '}
        {(['auto', 'light', 'dark'] as const).map((t) => (
          <button type="submit" name="theme" value={t} class="link-button" aria-pressed={ctx.theme === t ? 'true' : 'false'} aria-describedby="theme-label">
            {t === 'auto' ? 'System' : t === 'light' ? 'Light' : 'Dark'}
          </button>
        ))}
      </form>
      <p>
        Guildhall · <a href="/api/docs">API</a>
      </p>
    </footer>
  );
}

/** The page shell every server-rendered page slots into: skip link, header, main, footer. */
export function Layout({ ctx, title, children, scripts = [], wide = false }: LayoutProps) {
  return (
    <html lang="en" data-theme={ctx.theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Guildhall`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <meta name="color-scheme" content={ctx.theme === 'auto' ? 'light dark' : ctx.theme} />
        {scripts.map((s) => (
          <script type="module" src={assetUrl(s)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Header ctx={ctx} />
        <main id="main" class={wide ? 'page page--wide' : 'page'} tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

/** Renders a page component to a complete HTML document. */
export function renderDocument(node: preact.JSX.Element): string {
  return `<!doctype html>${render(node)}`;
}
