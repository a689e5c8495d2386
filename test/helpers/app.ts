import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/core/app.ts';
import { createLocalBus } from '../../src/core/bus/index.ts';
import type { Clock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Db, DialectName } from '../../src/core/db/index.ts';
import type { Deps } from '../../src/core/deps.ts';
import { createLog } from '../../src/core/log.ts';
import { createMailer, type Mail, type Mailer } from '../../src/core/mail/index.ts';
import { createSession } from '../../src/accounts/sessions.store.ts';
import { settleViews } from '../../src/analytics/views/views.service.ts';
import { openTestDb } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** Mail the app sent (when not under SMTP test), newest last. */
  sent: Mail[];
  close(): Promise<void>;
}

/** A mutable clock for tests. */
export function fakeClock(start = new Date('2026-11-01T09:00:00Z')): Clock & { set(d: Date): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => new Date(now),
    set: (d) => (now = d),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

/** Builds the real app on a fresh database of the given dialect. */
export async function buildTestApp(
  dialect: DialectName,
  opts: { env?: Record<string, string>; clock?: Clock; mailer?: Mailer; wrapDb?: (db: Db) => Db } = {},
): Promise<TestApp> {
  const handle = await openTestDb(dialect);
  // Tests read right after they write, so the anonymous micro-cache is off here (anonymous-cache.http.test.ts turns it
  // on), and topic pages wait for their related ranking (related.cache.http.test.ts tests deferring it).
  const config = loadConfig({ DATA_DIR: handle.dataDir, LOG_LEVEL: 'silent', GUILDHALL_DEMO: '0', AUTH_RATE_LIMIT: '0', ANON_CACHE_SECONDS: '0', RELATED_DEFER: '0', ANALYTICS_STALE_SECONDS: '0', ...opts.env });
  const sent: Mail[] = [];
  const outbox = createMailer({ smtpUrl: null, from: config.mailFrom, dataDir: handle.dataDir });
  const deps: Deps = {
    config,
    db: opts.wrapDb ? opts.wrapDb(handle.db) : handle.db,
    dbInfo: handle.info,
    bus: createLocalBus(),
    mail: opts.mailer ?? {
      send: async (m) => {
        sent.push(m);
        await outbox.send(m);
      },
    },
    clock: opts.clock ?? { now: () => new Date() },
    log: createLog({ logLevel: 'silent' }),
  };
  const app = await buildApp(deps);
  await app.ready();
  // Signed-in topic and article pages record the view after the answer is sent; a test's next step
  // must see it (or its absence), so inject returns only once those writes are done.
  const inject = app.inject.bind(app) as (o: InjectOptions | string) => Promise<LightMyRequestResponse>;
  Object.assign(app, {
    inject: async (o: InjectOptions | string) => {
      const res = await inject(o);
      await settleViews(deps.db);
      return res;
    },
  });
  return {
    app,
    deps,
    sent,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A signed-in browser: cookies for a fresh session plus a CSRF token. */
export interface Browser {
  userId: number;
  cookie: string;
  csrf: string;
}

const TEST_CSRF = 'test-csrf-token-0123456789abcdef0123';

/** Signs a user in by creating a session directly (fast); returns the cookie header to send. */
export async function signInAs(t: TestApp, userId: number): Promise<Browser> {
  const { token } = await createSession(t.deps.db, userId, t.deps.clock.now(), 30, 'test');
  return { userId, cookie: `gh_session=${token}; gh_csrf=${TEST_CSRF}`, csrf: TEST_CSRF };
}

/** An anonymous browser that already has a CSRF cookie. */
export function anonymousBrowser(): Omit<Browser, 'userId'> {
  return { cookie: `gh_csrf=${TEST_CSRF}`, csrf: TEST_CSRF };
}

/** Posts an HTML form (urlencoded) with the browser's CSRF token. */
export function postForm(t: TestApp, url: string, fields: Record<string, string | string[]>, browser?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  const b = browser ?? anonymousBrowser();
  const params = new URLSearchParams();
  params.append('_csrf', b.csrf);
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return t.app.inject({ method: 'POST', url, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
}

/** Calls the JSON API as the browser (session cookie) or anonymously. */
export function api(t: TestApp, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, browser?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { ...(browser ? { cookie: browser.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

/** Pulls the cookie header value a response set, merged with the ones already held. */
export function withSetCookies(res: LightMyRequestResponse, existing = ''): string {
  const jar = new Map<string, string>();
  for (const part of existing.split(/;\s*/).filter(Boolean)) {
    const [k, ...v] = part.split('=');
    if (k) jar.set(k, v.join('='));
  }
  for (const c of res.cookies) {
    if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
}
