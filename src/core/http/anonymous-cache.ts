import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { chooseEncoding, compressible, compressSync, varyOnEncoding, type Encoding } from './compression.ts';
import { CSRF_COOKIE, csrfToken } from './csrf.ts';

/*
 * A micro-cache of what anonymous visitors are shown (issue 6: a 50-post topic page costs ~7 ms to
 * assemble at 1M posts, far from a bare server's rate). A GET page or API read answered 200 to a
 * visitor with no session is kept for ANON_CACHE_SECONDS (default 5) on this node, and other anonymous
 * visitors asking for the same URL within that time get the same body. Only what anyone may see is
 * ever stored (no session, no token, no cookie but the CSRF and theme cookies), so nothing private can
 * reach anyone through it; the price is that an anonymous reader may see a page up to that many
 * seconds old — or, while one request renders an expired page anew, up to three times that. An
 * address is rendered by one request at a time: visitors who ask meanwhile get the kept page, or wait
 * for that render. Signed-in people always get a fresh page. The per-visitor CSRF token in forms is stored
 * as a placeholder and filled in for each visitor.
 */

const PLACEHOLDER = 'gh-csrf-placeholder-7c1e0b2d9a';
const ALLOWED_COOKIES = new Set([CSRF_COOKIE, 'gh_theme']);
const HIT_HEADER = 'x-guildhall-cache';

/** A kept answer: its bytes split where the visitor's CSRF token goes, and the hash of the whole. */
interface Entry {
  type: string;
  parts: Buffer[];
  hash: string;
  size: number;
  /** The body compressed, made on the first hit that asks for each encoding (bodies without a CSRF token only). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

function toEntry(type: string, body: string): Entry {
  const parts = body.split(PLACEHOLDER).map((p) => Buffer.from(p));
  return { type, parts, hash: crypto.createHash('sha1').update(body).digest('base64url'), size: parts.reduce((n, p) => n + p.length, 0), encoded: {} };
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
  // Entries live STALE_FACTOR × ttl: past ttl they are only served while one request renders the page anew.
  const cache = new LRUCache<string, Kept>({ max: 5_000, maxSize: 64 * 1024 * 1024, sizeCalculation: (k) => k.entry.size + 64, ttl: ttl * STALE_FACTOR });
  const renders = new Renders();

  // One render per address at a time (a popular page expiring under load is rendered once, not once
  // per visitor who asks meanwhile): a fresh entry is served; a stale one is served while the one
  // request that found it stale renders the page anew; with no entry, visitors wait for the render
  // already running. A hit is sent as bytes, with an ETag made of the kept hash and the visitor's
  // token (so the caching hook need not hash 60 KB again), and answers If-None-Match with 304.
  app.addHook('onRequest', async (req, reply) => {
    if (!shareable(req)) return;
    const key = keyOf(req);
    let kept = cache.get(key);
    let state = 'hit';
    if (!kept || Date.now() - kept.at >= ttl) {
      const running = renders.running(key);
      if (!running) {
        renders.start(key, req);
        return;
      }
      if (kept) state = 'stale';
      else {
        await running;
        kept = cache.get(key);
        if (!kept) return;
      }
    }
    const hit = kept.entry;
    reply.header(HIT_HEADER, state).type(hit.type);
    let etag = `W/"${hit.hash}"`;
    let body = hit.parts[0]!;
    if (hit.parts.length > 1) {
      const token = csrfToken(req, reply);
      etag = `W/"${hit.hash}.${crypto.createHash('sha1').update(token).digest('base64url').slice(0, 10)}"`;
      body = Buffer.concat(hit.parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from(token), p])));
    }
    reply.header('etag', etag);
    const sent = req.headers['if-none-match'];
    if (sent && sent.split(',').some((t) => t.trim() === etag)) return reply.code(304).send();
    // A body without a visitor's token is the same bytes for everyone: compress it once per encoding
    // and keep that (the compression hook leaves answers with a Content-Encoding alone).
    if (hit.parts.length === 1 && compressible(reply, hit.size)) {
      varyOnEncoding(reply);
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      if (encoding) {
        body = hit.encoded[encoding] ??= compressSync(encoding, body);
        reply.header('content-encoding', encoding);
      }
    }
    return reply.code(200).send(body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!shareable(req) || req.actor !== null || reply.statusCode !== 200 || reply.hasHeader(HIT_HEADER)) return payload;
    // A page assembled piece by piece comes as bytes (core/views/assembled.ts).
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/json)/.test(type)) return payload;
    // A response that sets any cookie but the CSRF one (a flash message, a theme change) is personal.
    const cookies = [reply.getHeader('set-cookie') ?? []].flat().map(String);
    if (cookies.some((c) => !c.startsWith(`${CSRF_COOKIE}=`))) return payload;
    const token = req.csrfIssued ?? req.cookies[CSRF_COOKIE];
    const text = typeof payload === 'string' ? payload : payload.toString();
    cache.set(keyOf(req), { entry: toEntry(type, token ? text.replaceAll(token, PLACEHOLDER) : text), at: Date.now() });
    return payload;
  });

  // The render is over however it ended (sent, failed, or the visitor went away): let the others in.
  app.addHook('onResponse', async (req) => renders.finish(req));
  app.addHook('onRequestAbort', async (req) => renders.finish(req));
}

/** How much longer than ANON_CACHE_SECONDS a page may be served while it is being rendered anew. */
const STALE_FACTOR = 3;
/** A render nobody reported finished stops holding visitors back after this long. */
const RENDER_WAIT_MS = 10_000;

interface Kept {
  entry: Entry;
  at: number;
}

/** The renders running now, by cache key, and which request runs each. */
class Renders {
  private readonly byKey = new Map<string, { done: Promise<void>; release: () => void }>();
  private readonly byRequest = new WeakMap<FastifyRequest, string>();

  running(key: string): Promise<void> | undefined {
    return this.byKey.get(key)?.done;
  }

  start(key: string, req: FastifyRequest): void {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(() => this.end(key, run), RENDER_WAIT_MS);
    timer.unref();
    const run = { done, release: () => (clearTimeout(timer), release()) };
    this.byKey.set(key, run);
    this.byRequest.set(req, key);
  }

  finish(req: FastifyRequest): void {
    const key = this.byRequest.get(req);
    if (key === undefined) return;
    this.byRequest.delete(req);
    const run = this.byKey.get(key);
    if (run) this.end(key, run);
  }

  private end(key: string, run: { release: () => void }): void {
    if (this.byKey.get(key) === run) this.byKey.delete(key);
    run.release();
  }
}
