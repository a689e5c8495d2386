import { LRUCache } from 'lru-cache';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { CSRF_COOKIE, csrfToken } from './csrf.ts';

/*
 * A micro-cache of what anonymous visitors are shown (issue 6: a 50-post topic page costs ~7 ms to
 * assemble at 1M posts, far from a bare server's rate). A GET page or API read answered 200 to a
 * visitor with no session is kept for ANON_CACHE_SECONDS (default 5) on this node, and other anonymous
 * visitors asking for the same URL within that time get the same body. Only what anyone may see is
 * ever stored (no session, no token, no cookie but the CSRF and theme cookies), so nothing private can
 * reach anyone through it; the price is that an anonymous reader may see a page up to that many
 * seconds old. Signed-in people always get a fresh page. The per-visitor CSRF token in forms is stored
 * as a placeholder and filled in for each visitor.
 */

const PLACEHOLDER = 'gh-csrf-placeholder-7c1e0b2d9a';
const ALLOWED_COOKIES = new Set([CSRF_COOKIE, 'gh_theme']);
const HIT_HEADER = 'x-guildhall-cache';

interface Entry {
  type: string;
  body: string;
}

/** True when the request is a plain anonymous read whose answer may be shared between visitors. */
function shareable(req: FastifyRequest): boolean {
  if (req.method !== 'GET' || req.headers.authorization || req.url.startsWith('/static/') || req.url.startsWith('/files/')) return false;
  return Object.keys(req.cookies).every((name) => ALLOWED_COOKIES.has(name));
}

const keyOf = (req: FastifyRequest) => `${req.cookies.gh_theme ?? ''}|${req.url}`;

/** Registers the micro-cache (nothing when ANON_CACHE_SECONDS is 0). Register before the caching hooks. */
export function registerAnonymousCache(app: FastifyInstance, deps: Pick<Deps, 'config'>): void {
  const ttl = deps.config.anonymousCacheSeconds * 1000;
  if (ttl === 0) return;
  const cache = new LRUCache<string, Entry>({ max: 5_000, maxSize: 64 * 1024 * 1024, sizeCalculation: (e) => e.body.length + 64, ttl });

  app.addHook('onRequest', async (req, reply) => {
    if (!shareable(req)) return;
    const hit = cache.get(keyOf(req));
    if (!hit) return;
    const body = hit.body.includes(PLACEHOLDER) ? hit.body.replaceAll(PLACEHOLDER, csrfToken(req, reply)) : hit.body;
    return reply.code(200).header(HIT_HEADER, 'hit').type(hit.type).send(body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!shareable(req) || req.actor !== null || reply.statusCode !== 200 || reply.hasHeader(HIT_HEADER) || typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/json)/.test(type)) return payload;
    // A response that sets any cookie but the CSRF one (a flash message, a theme change) is personal.
    const cookies = [reply.getHeader('set-cookie') ?? []].flat().map(String);
    if (cookies.some((c) => !c.startsWith(`${CSRF_COOKIE}=`))) return payload;
    const token = req.csrfIssued ?? req.cookies[CSRF_COOKIE];
    cache.set(keyOf(req), { type, body: token ? payload.replaceAll(token, PLACEHOLDER) : payload });
    return payload;
  });
}
